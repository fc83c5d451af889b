# zsh -f zcomplete.zsh FPATHDIR OUTDIR LINE...
#
# Completes each LINE (the text typed before TAB) in one interactive zsh
# running on a pseudo terminal (zsh/zpty), with compinit and FPATHDIR first
# in fpath, exactly as a user's TAB would. A wrapper around compadd
# records every match the completion functions add (after compsys has
# filtered them by the word being completed) to OUTDIR/N for LINE number N
# (from 1). Nothing is inserted or listed: a comppostfuncs hook clears that,
# then prints a marker this script waits for, and the line is killed before
# the next one is typed. Used by zsh.sh.
zmodload zsh/zpty || exit 3
fpathdir=$1 outdir=$2
shift 2

# A known terminal and the emacs keymap (^U), whatever CI's environment says.
export TERM=xterm
unset VISUAL EDITOR
zpty ipt_shell zsh -f -i || exit 3
# Pieces that the terminal echoes must not look like the marker, so the
# marker is put together from two strings.
zpty -w ipt_shell "PS1='' RPS1='' _capture_dir=${(q)outdir} _capture_n=1"
zpty -w ipt_shell "fpath=(${(q)fpathdir} \$fpath); autoload -Uz compinit; compinit -u -D"
zpty -w ipt_shell 'compadd() {
  local -a __hits
  if [[ ${@[1,(i)(-|--)]} == *-[OAD]\ * ]]; then
    builtin compadd "$@"
    return
  fi
  builtin compadd -A __hits "$@"
  (( $#__hits )) && print -rl -- $__hits >>$_capture_dir/$_capture_n
  builtin compadd "$@"
}'
# compsys runs comppostfuncs once and empties it: the hook renews itself.
zpty -w ipt_shell '_capture_done() {
  compstate[insert]= compstate[list]=
  print -r -- "__CAPTURE_""DONE_${_capture_n}__"
  (( _capture_n++ ))
  comppostfuncs=(_capture_done)
}'
zpty -w ipt_shell 'bindkey -e; bindkey "^I" complete-word; bindkey "^U" kill-whole-line'
zpty -w ipt_shell 'comppostfuncs=(_capture_done)'

integer n=1
for line in "$@"; do
  : >| $outdir/$n
  zpty -w -n ipt_shell "$line"$'\t'
  zpty -r ipt_shell buf "*__CAPTURE_DONE_${n}__*" || exit 4
  zpty -w -n ipt_shell $'\C-u'
  (( n++ ))
done
zpty -w ipt_shell $'\C-uexit\n'
zpty -d ipt_shell
exit 0
