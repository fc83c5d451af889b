#ifndef IPT_XML_H
#define IPT_XML_H
/* iptables-xml: reads iptables-save output (file argument or stdin) and
 * writes it as XML. prog is the name for messages ("iptables-xml"). */
int xml_main(const char *prog, const char *version, int argc, char **argv);
#endif
