/* pdffinish.c: the finishing pass over the PDF cairo wrote, in one streaming pass of our
 * own. Cairo 1.16 writes a damaged file for links to later pages and no /Lang, XMP or /ID,
 * and its structure tags hold one leaf each, since its own nesting cannot leave banners
 * and rules outside a paragraph that runs on to the next page. Here cairo's objects are
 * copied as they are, but for its own structure tree (left out), each page's dictionary
 * (its annotations, structure key and tab order), each page's content (its artifacts
 * marked, pdfartifacts.c), the stand-ins of vector figures (their drawings put in their
 * place, pdffigures.c) and the catalog (/Lang, /MarkInfo, /ViewerPreferences, XMP, the
 * structure tree of pdfstruct.c); the link annotations and XMP are added, and an xref
 * stream and an /ID made from the file's MD5, so the same inputs still give the same bytes.
 * Nothing is held but one page's content at a time: a general PDF library (libqpdf did
 * this until December 2026) parsed every object and took two fifths of the run. */
#include "render/pdffinish.h"

#include <fcntl.h>
#include <glib.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "render/pdfartifacts.h"
#include "render/pdfligatures.h"
#include "render/pdffigures.h"
#include "render/pdfraw.h"
#include "render/pdfstruct.h"
#include "render/pdfwrite.h"
#include "typeset/rich.h"

/* A link's annotation, on its page; *what says where it goes. */
static void write_link_annot(pdf_writer *w, int num, const doc *dc, const pdf_link *k, const int *pages, int key)
{
	double ph = dc->st->page_h;
	strbuf s = {0};
	sb_puts(&s, "<< /Type /Annot /Subtype /Link /Border [0 0 0] /F 4 /Rect [");
	pdf_sb_num(&s, k->x);
	pdf_sb_num(&s, ph - (k->y + k->h));
	pdf_sb_num(&s, k->x + k->w);
	pdf_sb_num(&s, ph - k->y);
	sb_puts(&s, " ]");
	char *what;
	if (k->uri) {
		sb_puts(&s, " /A << /S /URI /URI ");
		pdf_sb_bytes(&s, k->uri);
		sb_puts(&s, " >>");
		what = xasprintf("Link to %s", k->uri);
	} else {
		sb_printf(&s, " /Dest [%d 0 R /XYZ", pages[k->to_page]);
		pdf_sb_num(&s, k->to_x);
		pdf_sb_num(&s, ph - k->to_y);
		sb_puts(&s, " 0 ]");
		const char *to = k->to ? k->to : "";
		/* a note is named by its mark, as the reader sees it: "note a" */
		char label[16] = "";
		int note_no = strncmp(to, "note-", 5) == 0 ? atoi(to + 5) : 0;
		if (note_no > 0)
			rich_note_label((size_t)note_no - 1, label);
		/* the annex's passages by the label it prints beside them: "A8" (annex.c) */
		what = strncmp(to, "src-", 4) == 0   ? xasprintf("Link to source %s in the Sources", to + 4)
		       : note_no > 0		     ? xasprintf("Link to note %s", label)
		       : strncmp(to, "use-", 4) == 0 ? xasprintf("Link to passage A%s in the annex", to + 4)
		       : strncmp(to, "blk-", 4) == 0 ? xasprintf("Link to where the brief quotes passage A%s", to + 4)
						     : xasprintf("Link to page %d", k->to_page + 1);
	}
	sb_puts(&s, " /Contents ");
	pdf_sb_text(&s, what);
	free(what);
	sb_printf(&s, " /P %d 0 R /StructParent %d >>", pages[k->page], key);
	pdf_object(w, num, s.data, s.len);
	sb_free(&s);
}

static void xml_text(strbuf *sb, const char *s)
{
	for (; s && *s; s++) {
		if (*s == '<')
			sb_puts(sb, "&lt;");
		else if (*s == '>')
			sb_puts(sb, "&gt;");
		else if (*s == '&')
			sb_puts(sb, "&amp;");
		else if ((unsigned char)*s >= 0x20 || *s == '\n' || *s == '\t')
			sb_putc(sb, *s);
	}
}

/* A PDF string's text (literal with its escapes, or hex; UTF-16BE when it starts with
 * the byte order mark) as UTF-8; NULL when it is not a string. The caller frees. */
static char *pdf_string_text(const char *v, size_t n)
{
	strbuf raw = {0};
	if (n >= 2 && v[0] == '(') {
		for (size_t i = 1; i + 1 < n; i++) {
			char c = v[i];
			if (c != '\\') {
				sb_putc(&raw, c);
				continue;
			}
			c = v[++i];
			if (c >= '0' && c <= '7') {
				int o = 0;
				for (int d = 0; d < 3 && i < n - 1 && v[i] >= '0' && v[i] <= '7'; d++, i++)
					o = o * 8 + (v[i] - '0');
				i--;
				sb_putc(&raw, (char)o);
			} else {
				const char *from = "nrtbf", *to = "\n\r\t\b\f";
				const char *p = c ? strchr(from, c) : NULL;
				if (c != '\n' && c != '\r')
					sb_putc(&raw, p ? to[p - from] : c);
			}
		}
	} else if (n >= 2 && v[0] == '<') {
		int hi = -1;
		for (size_t i = 1; i + 1 < n; i++) {
			int d = g_ascii_xdigit_value(v[i]);
			if (d < 0)
				continue;
			if (hi < 0) {
				hi = d;
			} else {
				sb_putc(&raw, (char)(hi * 16 + d));
				hi = -1;
			}
		}
	} else {
		return NULL;
	}
	char *out;
	if (raw.len >= 2 && (unsigned char)raw.data[0] == 0xFE && (unsigned char)raw.data[1] == 0xFF) {
		size_t units = (raw.len - 2) / 2;
		gunichar2 *u = xmalloc((units + 1) * sizeof *u);
		for (size_t i = 0; i < units; i++)
			u[i] = (gunichar2)(((unsigned char)raw.data[2 + 2 * i] << 8) | (unsigned char)raw.data[3 + 2 * i]);
		gchar *g = g_utf16_to_utf8(u, (glong)units, NULL, NULL, NULL);
		out = xstrdup(g ? g : "");
		g_free(g);
		free(u);
	} else {
		gchar *g = g_convert(raw.data ? raw.data : "", (gssize)raw.len, "UTF-8", "ISO-8859-1", NULL, NULL, NULL);
		out = xstrdup(g ? g : "");
		g_free(g);
	}
	sb_free(&raw);
	return out;
}

/* An entry of cairo's Info dictionary as UTF-8, NULL when absent. The caller frees. */
static char *info_text(const pdf_raw *r, const char *key)
{
	const char *d, *v;
	size_t dl, vl;
	if (pdf_raw_body(r, r->info, &d, &dl) != 0 || pdf_dict_value(d, dl, key, &v, &vl) != 0)
		return NULL;
	return pdf_string_text(v, vl);
}

/* PDF/A declares the schemas it does not know: pdfuaid's, for PDF/UA's identifier. */
static const char pdfua_extension[] =
	"<rdf:Description rdf:about=\"\"\n"
	"  xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\"\n"
	"  xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\"\n"
	"  xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n"
	"<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType=\"Resource\">\n"
	"<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>\n"
	"<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>\n"
	"<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>\n"
	"<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType=\"Resource\">\n"
	"<pdfaProperty:name>part</pdfaProperty:name>\n<pdfaProperty:valueType>Integer</pdfaProperty:valueType>\n"
	"<pdfaProperty:category>internal</pdfaProperty:category>\n"
	"<pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>\n"
	"</rdf:li></rdf:Seq></pdfaSchema:property>\n"
	"</rdf:li></rdf:Bag></pdfaExtension:schemas>\n</rdf:Description>\n";

/* An Info entry as XMP text, between open and close tags; nothing when it is absent. */
static void xmp_info(const pdf_raw *r, strbuf *x, const char *key, const char *open, const char *close)
{
	char *v = info_text(r, key);
	if (v && *v) {
		sb_puts(x, open);
		xml_text(x, v);
		sb_puts(x, close);
	}
	free(v);
}

/* XMP metadata: the Info dictionary's title, author, subject, keywords, dates and tools,
 * PDF/UA-1, and PDF/A-2b when asked. */
static void write_xmp(pdf_writer *w, int num, const pdf_raw *r, const doc *dc, const char *lang, int pdf_a)
{
	char *title = info_text(r, "/Title");
	char *prod = info_text(r, "/Producer");
	char *cd = info_text(r, "/CreationDate");
	/* D:YYYYMMDDHHmmSS... → YYYY-MM-DDTHH:mm:SSZ (cairo writes UTC dates) */
	char date[32] = "2000-01-01T00:00:00Z";
	const char *c = cd && strncmp(cd, "D:", 2) == 0 ? cd + 2 : cd;
	if (c && strlen(c) >= 14)
		snprintf(date, sizeof date, "%.4s-%.2s-%.2sT%.2s:%.2s:%.2sZ", c, c + 4, c + 6, c + 8, c + 10, c + 12);
	strbuf x = {0};
	sb_puts(&x, "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
		    "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
		    "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
		    "<rdf:Description rdf:about=\"\"\n"
		    "  xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
		    "  xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
		    "  xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
		    "  xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\"\n"
		    "  xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n"
		    "<dc:format>application/pdf</dc:format>\n<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">");
	xml_text(&x, title ? title : "");
	sb_puts(&x, "</rdf:li></rdf:Alt></dc:title>\n");
	if (dc->author_text) {
		sb_puts(&x, "<dc:creator><rdf:Seq><rdf:li>");
		xml_text(&x, dc->author_text);
		sb_puts(&x, "</rdf:li></rdf:Seq></dc:creator>\n");
	}
	xmp_info(r, &x, "/Subject", "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">",
		 "</rdf:li></rdf:Alt></dc:description>\n");
	xmp_info(r, &x, "/Keywords", "<pdf:Keywords>", "</pdf:Keywords>\n");
	if (pdf_a)
		sb_puts(&x, "<pdfaid:part>2</pdfaid:part>\n<pdfaid:conformance>B</pdfaid:conformance>\n");
	sb_puts(&x, "<dc:language><rdf:Bag><rdf:li>");
	xml_text(&x, lang);
	sb_printf(&x, "</rdf:li></rdf:Bag></dc:language>\n<xmp:CreateDate>%s</xmp:CreateDate>\n"
		      "<xmp:ModifyDate>%s</xmp:ModifyDate>\n<xmp:MetadataDate>%s</xmp:MetadataDate>\n"
		      "<xmp:CreatorTool>mkbrief %s</xmp:CreatorTool>\n<pdf:Producer>",
		  date, date, date, MKBRIEF_VERSION);
	xml_text(&x, prod ? prod : "");
	sb_puts(&x, "</pdf:Producer>\n<pdfuaid:part>1</pdfuaid:part>\n</rdf:Description>\n");
	if (pdf_a)
		sb_puts(&x, pdfua_extension);
	sb_puts(&x, "</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>\n");
	pdf_stream_obj(w, num, "/Type /Metadata /Subtype /XML", x.data, x.len);
	sb_free(&x);
	free(title);
	free(prod);
	free(cd);
}

/* PDF/A's output intent: sRGB, from an ICC profile of a Debian package; its object, or -1. */
static int write_output_intent(pdf_writer *w, pdf_nums *nums, char **why)
{
	static const char *const paths[] = PDF_SRGB_PROFILES;
	gchar *icc = NULL;
	gsize len = 0;
	for (size_t i = 0; paths[i] && !icc; i++)
		if (!g_file_get_contents(paths[i], &icc, &len, NULL))
			icc = NULL;
	if (!icc) {
		*why = xasprintf("PDF/A needs an sRGB ICC profile, and none is installed (%s; Debian's libgs-common has it)",
				 paths[0]);
		return -1;
	}
	uLongf zlen = compressBound((uLong)len);
	unsigned char *z = xmalloc(zlen);
	int ok = compress2(z, &zlen, (const Bytef *)icc, (uLong)len, Z_BEST_COMPRESSION) == Z_OK;
	g_free(icc);
	if (!ok) {
		free(z);
		*why = xstrdup("could not compress the ICC profile");
		return -1;
	}
	int profile = pdf_num_new(nums), intent = pdf_num_new(nums);
	pdf_stream_obj(w, profile, "/N 3 /Filter /FlateDecode", z, zlen);
	free(z);
	char *oi = xasprintf("<< /Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier (sRGB IEC61966-2.1) "
			     "/Info (sRGB IEC61966-2.1) /RegistryName (http://www.color.org) /DestOutputProfile %d 0 R >>",
			     profile);
	pdf_object(w, intent, oi, strlen(oi));
	free(oi);
	return intent;
}

/* The objects of cairo's file that are not copied: its own structure tree (every element,
 * the root, the parent tree and its arrays), and the lengths of the page contents, which
 * are written anew with their length inline. 1 at each. */
static unsigned char *dropped_objects(const pdf_raw *r)
{
	static const char elem[] = "<< /Type /StructElem";
	unsigned char *drop = xcalloc(r->nobj + 1, 1);
	for (size_t k = 1; k < r->nobj; k++) {
		const char *d;
		size_t n;
		if (pdf_raw_body(r, (int)k, &d, &n) == 0 && n >= sizeof elem - 1 && memcmp(d, elem, sizeof elem - 1) == 0)
			drop[k] = 1;
	}
	const char *cat = NULL, *str, *pt;
	size_t cl, sl, pl;
	int sroot = pdf_raw_body(r, r->root, &cat, &cl) == 0 ? pdf_dict_ref(cat, cl, "/StructTreeRoot") : -1;
	if (sroot > 0 && (size_t)sroot < r->nobj && pdf_raw_body(r, sroot, &str, &sl) == 0) {
		drop[sroot] = 1;
		int ptree = pdf_dict_ref(str, sl, "/ParentTree");
		const char *nums;
		size_t nl;
		if (ptree > 0 && (size_t)ptree < r->nobj && pdf_raw_body(r, ptree, &pt, &pl) == 0 &&
		    pdf_dict_value(pt, pl, "/Nums", &nums, &nl) == 0) {
			drop[ptree] = 1;
			/* "[ 0 54 0 R 1 84 0 R ... ]": the arrays are the references */
			size_t i = 0, start, end;
			int a;
			while ((a = pdf_next_ref(nums, nl, &i, &start, &end)) >= 0)
				if (a > 0 && (size_t)a < r->nobj)
					drop[a] = 1;
		}
	}
	int labels = cat ? pdf_dict_ref(cat, cl, "/PageLabels") : -1;
	if (labels > 0 && (size_t)labels < r->nobj)
		drop[labels] = 1; /* the catalog's labels are written anew (write_catalog) */
	for (int p = 0; p < r->npages; p++) {
		const char *d;
		size_t n;
		int len = pdf_raw_body(r, r->contents[p], &d, &n) == 0 ? pdf_dict_ref(d, n, "/Length") : -1;
		if (len > 0 && (size_t)len < r->nobj)
			drop[len] = 1;
	}
	return drop;
}

/* Page p's content with its artifacts marked (pdfartifacts.c), deflated, as its object;
 * *mcids: the marked sequences with an MCID found in it. */
static int write_content(pdf_writer *w, const pdf_raw *r, int p, int *mcids, pdf_splits *sp)
{
	const char *dict, *data;
	size_t dl, len;
	strbuf plain = {0}, marked = {0};
	if (pdf_raw_stream(r, r->contents[p], &dict, &dl, &data, &len) != 0 || pdf_inflate(data, len, &plain) != 0) {
		sb_free(&plain);
		return -1;
	}
	const strbuf *content = pdf_mark_artifacts((const unsigned char *)plain.data, plain.len, &marked, mcids, sp) == 1 ? &marked : &plain;
	uLongf zlen = compressBound((uLong)content->len);
	unsigned char *z = xmalloc(zlen);
	int rc = compress2(z, &zlen, (const Bytef *)content->data, (uLong)content->len, Z_BEST_SPEED) == Z_OK ? 0 : -1;
	if (rc == 0)
		pdf_stream_obj(w, r->contents[p], "/Filter /FlateDecode", z, zlen);
	free(z);
	sb_free(&plain);
	sb_free(&marked);
	return rc;
}

/* A font's ToUnicode CMap with its ligatures spelled out (pdfligatures.c), as its object;
 * as it is when it has none. */
static int write_tounicode(pdf_writer *w, const pdf_raw *r, int k)
{
	const char *dict, *data;
	size_t dl, len;
	strbuf plain = {0}, spelled = {0};
	if (pdf_raw_stream(r, k, &dict, &dl, &data, &len) != 0 || pdf_inflate(data, len, &plain) != 0) {
		sb_free(&plain);
		return -1;
	}
	int rc = 0;
	if (pdf_spell_ligatures(plain.data, plain.len, &spelled) == 1) {
		uLongf zlen = compressBound((uLong)spelled.len);
		unsigned char *z = xmalloc(zlen);
		rc = compress2(z, &zlen, (const Bytef *)spelled.data, (uLong)spelled.len, Z_BEST_SPEED) == Z_OK ? 0 : -1;
		if (rc == 0)
			pdf_stream_obj(w, k, "/Filter /FlateDecode", z, zlen);
		free(z);
	} else {
		const char *body, *end = r->b + r->len, *after = data + len;
		size_t bl;
		const char *eo = pdf_raw_body(r, k, &body, &bl) == 0 ? mem_find(after, end - after > 64 ? after + 64 : end, "endobj") : NULL;
		if (eo)
			pdf_copy_obj(w, k, body, (size_t)(eo - body));
		else
			rc = -1;
	}
	sb_free(&plain);
	sb_free(&spelled);
	return rc;
}

/* A TrueType CIDFont's dictionary, which cairo 1.16 writes without /CIDToGIDMap. */
static int is_cid_truetype(const char *body, size_t bl)
{
	const char *v;
	size_t vl;
	return pdf_dict_value(body, bl, "/Subtype", &v, &vl) == 0 && vl == 13 && memcmp(v, "/CIDFontType2", 13) == 0 &&
	       pdf_dict_value(body, bl, "/CIDToGIDMap", &v, &vl) != 0;
}

/* What cairo 1.16 leaves out of the standard, mended: the Info dictionary's dates have no
 * "D:" before them (pdf.js reads no date without it), and an embedded TrueType CIDFont
 * names no /CIDToGIDMap, which PDF/A-2 (6.2.11.3.2) and PDF/UA require; cairo's subsets
 * number their glyphs by CID, which is the Identity map. */
static void mend_dictionary(strbuf *s, const char *body, size_t bl, int info)
{
	if (!info) {
		static const char *const none[] = {NULL};
		pdf_dict_without(s, body, bl, none);
		sb_puts(s, "\n   /CIDToGIDMap /Identity\n>>");
		return;
	}
	static const char *const dates[] = {"/CreationDate", "/ModDate", NULL};
	pdf_dict_without(s, body, bl, dates);
	for (size_t i = 0; dates[i]; i++) {
		const char *v;
		size_t vl;
		if (pdf_dict_value(body, bl, dates[i], &v, &vl) != 0)
			continue;
		if (vl > 2 && v[0] == '(' && memcmp(v + 1, "D:", 2) != 0)
			sb_printf(s, "\n   %s (D:%.*s", dates[i], (int)vl - 1, v + 1);
		else
			sb_printf(s, "\n   %s %.*s", dates[i], (int)vl, v);
	}
	sb_puts(s, "\n>>");
}

/* Object k as cairo wrote it: a stream as it is, through its endstream; anything else into
 * an object stream. */
static int copy_object(pdf_writer *w, const pdf_raw *r, int k, const pdf_marks *m, pdf_nums *nums, int *spliced)
{
	const char *body, *dict, *data;
	size_t bl, dl, len;
	if (pdf_raw_body(r, k, &body, &bl) != 0)
		return -1;
	const char *after = body + bl, *end = r->b + r->len;
	while (after < end && (*after == ' ' || *after == '\n' || *after == '\r'))
		after++;
	if (end - after < 6 || memcmp(after, "stream", 6) != 0) {
		const char *type, *count;
		size_t tl, cl;
		/* cairo counts the outline's root as a closed item (/Count -7), which a root may
		 * not be: its count is the items a reader sees, the top level's */
		if (pdf_dict_value(body, bl, "/Type", &type, &tl) == 0 && tl == 9 && memcmp(type, "/Outlines", 9) == 0 &&
		    pdf_dict_value(body, bl, "/Count", &count, &cl) == 0 && cl > 1 && count[0] == '-') {
			static const char *const keys[] = {"/Count", NULL};
			strbuf s = {0};
			pdf_dict_without(&s, body, bl, keys);
			sb_printf(&s, "\n   /Count %.*s\n>>", (int)cl - 1, count + 1);
			pdf_object(w, k, s.data, s.len);
			sb_free(&s);
			return 0;
		}
		if (k == r->info || is_cid_truetype(body, bl)) {
			strbuf s = {0};
			mend_dictionary(&s, body, bl, k == r->info);
			pdf_object(w, k, s.data, s.len);
			sb_free(&s);
			return 0;
		}
		pdf_object(w, k, body, bl);
		return 0;
	}
	if (pdf_raw_stream(r, k, &dict, &dl, &data, &len) != 0)
		return -1;
	const char *sub;
	size_t sl;
	if (m->nfigures && pdf_dict_value(dict, dl, "/Subtype", &sub, &sl) == 0 && sl == 5 && memcmp(sub, "/Form", 5) == 0) {
		strbuf plain = {0};
		int id = len < 4096 && pdf_inflate(data, len, &plain) == 0 ? pdf_figure_standin(plain.data, plain.len) : -1;
		sb_free(&plain);
		if (id >= 0 && (size_t)id < m->nfigures) {
			char *why = NULL;
			int rc = pdf_splice_figure(w, k, m->figures[id].img, nums, &why);
			free(why);
			spliced[id]++;
			return rc;
		}
	}
	after = data + len;
	const char *eo = mem_find(after, end - after > 64 ? after + 64 : end, "endobj");
	if (!eo)
		return -1;
	pdf_copy_obj(w, k, body, (size_t)(eo - body));
	return 0;
}

/* Page p's dictionary: its annotations, its key in the parent tree, its tab order. */
static int write_page(pdf_writer *w, const pdf_raw *r, int p, const int *annots, const int *annot_page, size_t nlinks)
{
	static const char *const keys[] = {"/StructParents", "/Annots", "/Tabs", NULL};
	const char *d;
	size_t n;
	if (pdf_raw_body(r, r->page[p], &d, &n) != 0)
		return -1;
	strbuf s = {0};
	pdf_dict_without(&s, d, n, keys);
	sb_printf(&s, "\n   /StructParents %d", p);
	int any = 0;
	for (size_t k = 0; k < nlinks; k++)
		if (annot_page[k] == p) {
			sb_printf(&s, any ? " %d 0 R" : "\n   /Annots [ %d 0 R", annots[k]);
			any = 1;
		}
	if (any)
		sb_puts(&s, " ]\n   /Tabs /S");
	sb_puts(&s, "\n>>");
	pdf_object(w, r->page[p], s.data, s.len);
	sb_free(&s);
	return 0;
}

static int write_catalog(pdf_writer *w, const pdf_raw *r, const char *lang, int sroot, int xmp, int intent)
{
	static const char *const keys[] = {"/StructTreeRoot", "/MarkInfo", "/Lang", "/ViewerPreferences", "/Metadata",
					   "/OutputIntents", "/PageLabels", NULL};
	const char *d;
	size_t n;
	if (pdf_raw_body(r, r->root, &d, &n) != 0)
		return -1;
	strbuf s = {0};
	pdf_dict_without(&s, d, n, keys);
	sb_puts(&s, "\n   /Lang ");
	pdf_sb_bytes(&s, lang);
	sb_printf(&s, "\n   /MarkInfo << /Marked true >>\n   /ViewerPreferences << /DisplayDocTitle true >>"
		      "\n   /Metadata %d 0 R\n   /StructTreeRoot %d 0 R"
		      /* pages labelled 1, 2, 3, as their feet number them (cairo 1.16's labels
		       * come out as an empty list) */
		      "\n   /PageLabels << /Nums [ 0 << /S /D >> ] >>",
		  xmp, sroot);
	if (intent > 0)
		sb_printf(&s, "\n   /OutputIntents [ %d 0 R ]", intent);
	sb_puts(&s, "\n>>");
	pdf_object(w, r->root, s.data, s.len);
	sb_free(&s);
	return 0;
}

/* Cairo's objects, copied or written anew, in their order of number; the catalog waits for
 * the objects it names. *mcids_of: per page, the marked sequences its content holds. */
static int copy_objects(pdf_writer *w, const pdf_raw *r, const unsigned char *drop, const int *annots,
			const int *annot_page, const pdf_marks *m, pdf_nums *nums, int *mcids_of, pdf_splits *sp, char **why)
{
	size_t nlinks = m->nlinks;
	int *spliced = xcalloc(m->nfigures + 1, sizeof *spliced);
	int *page_of = xmalloc((r->nobj + 1) * sizeof *page_of), *content_of = xmalloc((r->nobj + 1) * sizeof *content_of);
	for (size_t k = 0; k <= r->nobj; k++)
		page_of[k] = content_of[k] = -1;
	for (int p = 0; p < r->npages; p++) {
		page_of[r->page[p]] = p;
		content_of[r->contents[p]] = p;
	}
	unsigned char *tounicode = pdf_tounicode_objects(r);
	int rc = 0;
	for (size_t k = 1; k < r->nobj && rc == 0; k++) {
		if (!r->off[k] || drop[k] || (int)k == r->root)
			continue;
		if (page_of[k] >= 0)
			rc = write_page(w, r, page_of[k], annots, annot_page, nlinks);
		else if (content_of[k] >= 0)
		{
			sp->page = content_of[k];
			sp->next = 0; /* past every MCID cairo drew on the page */
			for (size_t i = 0; i < m->nleaves; i++)
				if (m->leaves[i].page == sp->page && m->leaves[i].mcid >= sp->next)
					sp->next = m->leaves[i].mcid + 1;
			rc = write_content(w, r, content_of[k], &mcids_of[content_of[k]], sp);
		}
		else if (tounicode[k])
			rc = write_tounicode(w, r, (int)k);
		else
			rc = copy_object(w, r, (int)k, m, nums, spliced);
		if (rc != 0)
			*why = xasprintf("could not read object %zu of cairo's PDF", k);
	}
	/* a stand-in left in place would print a square where the figure should be */
	for (size_t i = 0; i < m->nfigures && rc == 0; i++)
		if (spliced[i] != 1) {
			*why = xasprintf("figure %zu's drawing could not be put in place", i + 1);
			rc = -1;
		}
	free(spliced);
	free(page_of);
	free(content_of);
	free(tounicode);
	return rc;
}

/* The numbers of the objects left out, for the new objects to take first. */
static void reuse_numbers(pdf_nums *nums, const pdf_raw *r, const unsigned char *drop)
{
	nums->free = xmalloc((r->nobj + 1) * sizeof *nums->free);
	for (size_t k = 1; k < r->nobj; k++)
		if (drop[k] || !r->off[k])
			nums->free[nums->nfree++] = (int)k;
	nums->next = (int)r->nobj;
}

/* The pass over cairo's file, in memory (b, len). */
static int finish(const char *b, size_t len, const pdf_io *io, const doc *dc, const pdf_marks *m, int pdf_a, char **why)
{
	pdf_raw r;
	if (pdf_raw_index(&r, b, len, why) != 0)
		return -1;
	int rc = -1;
	unsigned char *drop = NULL;
	int *annots = NULL, *annot_page = NULL, *mcids = NULL;
	pdf_nums nums = {0};
	pdf_splits splits = {0};
	pdf_writer w;
	pdf_writer_init(&w, io->write, io->closure, &nums);
	if (r.npages != dc->npages) {
		*why = xasprintf("cairo wrote %d pages, not %d", r.npages, dc->npages);
		goto done;
	}
	drop = dropped_objects(&r);
	reuse_numbers(&nums, &r, drop);
	/* the header as cairo wrote it: the version and a line of binary bytes */
	const char *nl = memchr(b, '\n', len);
	nl = nl ? memchr(nl + 1, '\n', len - (size_t)(nl + 1 - b)) : NULL;
	if (!nl) {
		*why = xstrdup("cairo's PDF has no header");
		goto done;
	}
	pdf_write(&w, b, (size_t)(nl + 1 - b));
	annots = xcalloc(m->nlinks + 1, sizeof *annots);
	annot_page = xcalloc(m->nlinks + 1, sizeof *annot_page);
	for (size_t k = 0; k < m->nlinks; k++) {
		annots[k] = pdf_num_new(&nums);
		annot_page[k] = m->links[k].page;
	}
	mcids = xcalloc((size_t)r.npages + 1, sizeof *mcids);
	if (copy_objects(&w, &r, drop, annots, annot_page, m, &nums, mcids, &splits, why) != 0)
		goto done;
	/* the MCIDs the tree names are those cairo wrote on each page */
	int *want = xcalloc((size_t)r.npages + 1, sizeof *want);
	for (size_t i = 0; i < m->nleaves; i++)
		if (m->leaves[i].page >= 0 && m->leaves[i].page < r.npages && m->leaves[i].mcid >= 0)
			want[m->leaves[i].page]++;
	for (int p = 0; p < r.npages && !*why; p++)
		if (mcids[p] != want[p])
			*why = xasprintf("page %d has %d marked sequences where %d were drawn", p + 1, mcids[p], want[p]);
	free(want);
	if (*why)
		goto done;
	for (size_t k = 0; k < m->nlinks; k++)
		write_link_annot(&w, annots[k], dc, &m->links[k], r.page, dc->npages + (int)k);
	int sroot = pdf_struct_write(&w, dc, m, &splits, r.page, annots, &nums);
	const char *lang = dc->b->lang ? dc->b->lang : dc->st->lang ? dc->st->lang : "en-US";
	int xmp = pdf_num_new(&nums);
	write_xmp(&w, xmp, &r, dc, lang, pdf_a);
	/* what PDF/A-2b forbids mkbrief never writes (a CMYK JPEG is refused for every
	 * output); it needs only its output intent */
	int intent = pdf_a ? write_output_intent(&w, &nums, why) : 0;
	if (intent < 0 || write_catalog(&w, &r, lang, sroot, xmp, intent) != 0)
		goto done;
	if (pdf_writer_finish(&w, r.root, r.info) != 0) {
		*why = xstrdup("the finished PDF could not be written");
		goto done;
	}
	rc = 0;
done:
	pdf_writer_free(&w);
	free(drop);
	free(annots);
	free(annot_page);
	free(mcids);
	free(nums.free);
	free(splits.v);
	pdf_raw_free(&r);
	return rc;
}

int pdf_finish(const pdf_io *io, const doc *dc, const pdf_marks *m, int pdf_a, char **why)
{
	*why = NULL;
	if (!io->in_path)
		return finish(io->in_data, io->in_len, io, dc, m, pdf_a, why);
	int fd = open(io->in_path, O_RDONLY);
	struct stat st;
	if (fd < 0 || fstat(fd, &st) != 0 || st.st_size <= 0) {
		if (fd >= 0)
			close(fd);
		*why = xstrdup("cannot read cairo's PDF back");
		return -1;
	}
	void *b = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (b == MAP_FAILED) {
		*why = xstrdup("cannot read cairo's PDF back");
		return -1;
	}
	int rc = finish(b, (size_t)st.st_size, io, dc, m, pdf_a, why);
	munmap(b, (size_t)st.st_size);
	return rc;
}
