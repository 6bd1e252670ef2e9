/* pdffinish.c: the finishing pass over the PDF cairo wrote, with libqpdf's C API. Cairo
 * 1.16 writes a damaged file for links to later pages and writes no /Lang, XMP or /ID; its
 * structure tags hold one leaf each, since its own nesting cannot leave banners and rules
 * outside a paragraph that runs on to the next page (pdfstruct.c builds the real tree).
 * Here the links become annotations, the catalog gets /Lang, /MarkInfo, /ViewerPreferences
 * and XMP metadata, pages with links tab in structure order, and qpdf writes the file with
 * an /ID made from its content, so the same inputs still give the same bytes. */
#include "render/pdffinish.h"

#include <fcntl.h>
#include <glib.h>
#include <qpdf/qpdf-c.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "render/pdfstruct.h"

static void push_real(qpdf_data q, qpdf_oh arr, double v)
{
	pq_push_new(q, arr, qpdf_oh_new_real_from_double(q, v, 2));
}

/* A link's annotation, on its page's /Annots; the page tabs in structure order. */
static qpdf_oh link_annot(qpdf_data q, const doc *dc, const pdf_link *k, const qpdf_oh *pages, int *next)
{
	double ph = dc->st->page_h;
	qpdf_oh a = qpdf_oh_parse(q, "<< /Type /Annot /Subtype /Link /Border [0 0 0] /F 4 >>");
	qpdf_oh rect = qpdf_oh_new_array(q);
	push_real(q, rect, k->x);
	push_real(q, rect, ph - (k->y + k->h));
	push_real(q, rect, k->x + k->w);
	push_real(q, rect, ph - k->y);
	pq_set_new(q, a, "/Rect", rect);
	char *what;
	if (k->uri) {
		qpdf_oh act = qpdf_oh_parse(q, "<< /S /URI >>");
		pq_set_new(q, act, "/URI", qpdf_oh_new_string(q, k->uri));
		pq_set_new(q, a, "/A", act);
		what = xasprintf("Link to %s", k->uri);
	} else {
		qpdf_oh dest = qpdf_oh_new_array(q);
		qpdf_oh_append_item(q, dest, pages[k->to_page]);
		pq_push_new(q, dest, qpdf_oh_new_name(q, "/XYZ"));
		push_real(q, dest, k->to_x);
		push_real(q, dest, ph - k->to_y);
		pq_push_new(q, dest, qpdf_oh_new_integer(q, 0));
		pq_set_new(q, a, "/Dest", dest);
		const char *to = k->to ? k->to : "";
		what = strncmp(to, "src-", 4) == 0	   ? xasprintf("Link to source %s in the Sources", to + 4)
		       : strncmp(to, "note-", 5) == 0 ? xasprintf("Link to note %s", to + 5)
						       : xasprintf("Link to page %d", k->to_page + 1);
	}
	pq_set_new(q, a, "/Contents", qpdf_oh_new_unicode_string(q, what));
	free(what);
	qpdf_oh_replace_key(q, a, "/P", pages[k->page]);
	qpdf_oh ind = pq_indirect(q, next, a);
	qpdf_oh page = pages[k->page];
	qpdf_oh annots = qpdf_oh_get_key(q, page, "/Annots");
	if (!qpdf_oh_is_array(q, annots))
		pq_set_new(q, page, "/Annots", qpdf_oh_new_array(q));
	qpdf_oh_release(q, annots);
	pq_push_to(q, page, "/Annots", ind);
	pq_set_new(q, page, "/Tabs", qpdf_oh_new_name(q, "/S"));
	return ind;
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
static void xmp_info(qpdf_data q, strbuf *x, const char *key, const char *open, const char *close)
{
	const char *v = qpdf_get_info_key(q, key);
	if (!v || !*v)
		return;
	char *copy = xstrdup(v);
	sb_puts(x, open);
	xml_text(x, copy);
	sb_puts(x, close);
	free(copy);
}

/* XMP metadata: the Info dictionary's title, author, subject, keywords, dates and tools,
 * PDF/UA-1, and PDF/A-2b when asked. */
static void xmp(qpdf_data q, const doc *dc, qpdf_oh root, const char *lang, int pdf_a)
{
	const char *title = qpdf_get_info_key(q, "/Title");
	char *t = xstrdup(title ? title : "");
	const char *author = dc->author_text;
	const char *producer = qpdf_get_info_key(q, "/Producer");
	char *prod = xstrdup(producer ? producer : "");
	const char *cd = qpdf_get_info_key(q, "/CreationDate");
	/* D:YYYYMMDDHHmmSS... → YYYY-MM-DDTHH:mm:SSZ (cairo writes UTC dates) */
	char date[32] = "2000-01-01T00:00:00Z";
	if (cd && strncmp(cd, "D:", 2) == 0)
		cd += 2;
	if (cd && strlen(cd) >= 14)
		snprintf(date, sizeof date, "%.4s-%.2s-%.2sT%.2s:%.2s:%.2sZ", cd, cd + 4, cd + 6, cd + 8, cd + 10, cd + 12);
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
	xml_text(&x, t);
	sb_puts(&x, "</rdf:li></rdf:Alt></dc:title>\n");
	if (author) {
		sb_puts(&x, "<dc:creator><rdf:Seq><rdf:li>");
		xml_text(&x, author);
		sb_puts(&x, "</rdf:li></rdf:Seq></dc:creator>\n");
	}
	xmp_info(q, &x, "/Subject", "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">",
		 "</rdf:li></rdf:Alt></dc:description>\n");
	xmp_info(q, &x, "/Keywords", "<pdf:Keywords>", "</pdf:Keywords>\n");
	if (pdf_a)
		sb_puts(&x, "<pdfaid:part>2</pdfaid:part>\n<pdfaid:conformance>B</pdfaid:conformance>\n");
	sb_puts(&x, "<dc:language><rdf:Bag><rdf:li>");
	xml_text(&x, lang);
	sb_printf(&x, "</rdf:li></rdf:Bag></dc:language>\n<xmp:CreateDate>%s</xmp:CreateDate>\n"
		      "<xmp:ModifyDate>%s</xmp:ModifyDate>\n<xmp:MetadataDate>%s</xmp:MetadataDate>\n"
		      "<xmp:CreatorTool>mkbrief %s</xmp:CreatorTool>\n<pdf:Producer>",
		  date, date, date, MKBRIEF_VERSION);
	xml_text(&x, prod);
	sb_puts(&x, "</pdf:Producer>\n<pdfuaid:part>1</pdfuaid:part>\n</rdf:Description>\n");
	if (pdf_a)
		sb_puts(&x, pdfua_extension);
	sb_puts(&x, "</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>\n");
	qpdf_oh s = qpdf_oh_new_stream(q);
	qpdf_oh_replace_stream_data(q, s, (const unsigned char *)x.data, x.len, qpdf_oh_new_null(q), qpdf_oh_new_null(q));
	qpdf_oh d = qpdf_oh_get_dict(q, s);
	qpdf_oh_replace_key(q, d, "/Type", qpdf_oh_new_name(q, "/Metadata"));
	qpdf_oh_replace_key(q, d, "/Subtype", qpdf_oh_new_name(q, "/XML"));
	qpdf_oh_replace_key(q, root, "/Metadata", s);
	sb_free(&x);
	free(t);
	free(prod);
}

/* PDF/A's output intent: sRGB, from an ICC profile of a Debian package. */
static int output_intent(qpdf_data q, qpdf_oh root, char **why)
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
	qpdf_oh s = qpdf_oh_new_stream(q);
	qpdf_oh_replace_stream_data(q, s, (const unsigned char *)icc, len, qpdf_oh_new_null(q), qpdf_oh_new_null(q));
	g_free(icc);
	qpdf_oh_replace_key(q, qpdf_oh_get_dict(q, s), "/N", qpdf_oh_new_integer(q, 3));
	qpdf_oh oi = qpdf_oh_parse(q, "<< /Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier (sRGB IEC61966-2.1) "
				      "/Info (sRGB IEC61966-2.1) /RegistryName (http://www.color.org) >>");
	qpdf_oh_replace_key(q, oi, "/DestOutputProfile", s);
	qpdf_oh arr = qpdf_oh_new_array(q);
	qpdf_oh_append_item(q, arr, oi);
	qpdf_oh_replace_key(q, root, "/OutputIntents", arr);
	return 0;
}

static void catalog(qpdf_data q, const doc *dc, int pdf_a)
{
	qpdf_oh root = qpdf_get_root(q);
	const char *lang = dc->b->lang ? dc->b->lang : dc->st->lang ? dc->st->lang : "en-US";
	qpdf_oh_replace_key(q, root, "/Lang", qpdf_oh_new_string(q, lang));
	qpdf_oh_replace_key(q, root, "/MarkInfo", qpdf_oh_parse(q, "<< /Marked true >>"));
	qpdf_oh_replace_key(q, root, "/ViewerPreferences", qpdf_oh_parse(q, "<< /DisplayDocTitle true >>"));
	xmp(q, dc, root, lang, pdf_a);
}

/* The offset of object entry k's object in b, from the xref table at xref (cairo writes
 * one subsection "0 N" of 20-byte entries); 0 when it is free or the table is not that. */
static size_t xref_entry(const char *b, size_t len, size_t entries, size_t k)
{
	size_t e = entries + 20 * k;
	if (e + 20 > len || b[e + 17] != 'n')
		return 0;
	size_t off = 0;
	for (size_t i = 0; i < 10; i++) {
		if (b[e + i] < '0' || b[e + i] > '9')
			return 0;
		off = off * 10 + (size_t)(b[e + i] - '0');
	}
	return off < len ? off : 0;
}

/* Cairo 1.16 writes a structure tree of its own, one element for each tag it was given,
 * which pdfstruct.c replaces; but qpdf's writer still parses every object in the file: at
 * 400 pages 10,000 dictionaries, four in five of cairo's objects and a fifth of the
 * finishing pass's memory. Each of cairo's elements is overwritten in place by `null` and
 * spaces, so that every offset in the xref table stays true and qpdf parses a word. A
 * file not laid out as cairo writes it is left as it is. */
static void forget_cairo_elements(char *b, size_t len)
{
	static const char elem[] = "<< /Type /StructElem";
	size_t tail = len > 64 ? len - 64 : 0;
	const char *sx = mem_find(b + tail, b + len, "startxref");
	if (!sx)
		return;
	size_t xref = (size_t)strtoull(sx + 9, NULL, 10);
	if (xref + 4 >= len || memcmp(b + xref, "xref", 4) != 0)
		return;
	/* "xref\n0 N\n" */
	char *end;
	size_t first = (size_t)strtoull(b + xref + 4, &end, 10);
	size_t count = (size_t)strtoull(end, &end, 10);
	while (end < b + len && (*end == ' ' || *end == '\r' || *end == '\n'))
		end++;
	size_t entries = (size_t)(end - b);
	if (first != 0 || count == 0 || entries + 20 * count > len)
		return;
	for (size_t k = 1; k < count; k++) {
		size_t o = xref_entry(b, len, entries, k);
		if (!o)
			continue;
		const char *obj = mem_find(b + o, b + (len - o > 24 ? o + 24 : len), " 0 obj");
		if (!obj)
			continue;
		size_t body = (size_t)(obj - b) + 6;
		while (body < len && (b[body] == '\n' || b[body] == '\r' || b[body] == ' '))
			body++;
		if (body + sizeof elem - 1 > len || memcmp(b + body, elem, sizeof elem - 1) != 0)
			continue;
		const char *stop = mem_find(b + body, b + (len - body > 4096 ? body + 4096 : len), "endobj");
		if (!stop || (size_t)(stop - b) < body + 5)
			continue;
		memset(b + body, ' ', (size_t)(stop - b) - body);
		memcpy(b + body, "null", 4);
	}
}

/* forget_cairo_elements over the file cairo wrote, in place. */
static void forget_cairo_elements_in(const char *path)
{
	int fd = open(path, O_RDWR);
	struct stat st;
	if (fd < 0)
		return;
	if (fstat(fd, &st) == 0 && st.st_size > 0) {
		void *m = mmap(NULL, (size_t)st.st_size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
		if (m != MAP_FAILED) {
			forget_cairo_elements(m, (size_t)st.st_size);
			munmap(m, (size_t)st.st_size);
		}
	}
	close(fd);
}

static int failed(qpdf_data q, char **why)
{
	if (!qpdf_has_error(q))
		return 0;
	qpdf_error e = qpdf_get_error(q);
	*why = xstrdup(e ? qpdf_get_error_full_text(q, e) : "qpdf failed");
	return -1;
}

int pdf_finish(const pdf_io *io, const doc *dc, const pdf_marks *m, int pdf_a, char **why)
{
	*why = NULL;
	qpdf_data q = qpdf_init();
	qpdf_silence_errors(q);
	qpdf_set_suppress_warnings(q, 1);
	int rc = -1;
	qpdf_oh *pages = NULL, *annots = NULL;
	if (io->in_path)
		forget_cairo_elements_in(io->in_path);
	else
		forget_cairo_elements(io->in_data, io->in_len);
	QPDF_ERROR_CODE read = io->in_path ? qpdf_read(q, io->in_path, NULL)
					   : qpdf_read_memory(q, "cairo's PDF", io->in_data, io->in_len, NULL);
	if (read & QPDF_ERRORS || failed(q, why))
		goto done;
	int n = qpdf_get_num_pages(q);
	if (n != dc->npages) {
		*why = xasprintf("cairo wrote %d pages, not %d", n, dc->npages);
		goto done;
	}
	pages = xcalloc((size_t)n + 1, sizeof *pages);
	for (int i = 0; i < n; i++)
		pages[i] = qpdf_get_page_n(q, (size_t)i);
	/* new objects are numbered from the trailer's /Size on */
	qpdf_oh trailer = qpdf_get_trailer(q), size = qpdf_oh_get_key(q, trailer, "/Size");
	int next = qpdf_oh_is_integer(q, size) ? qpdf_oh_get_int_value_as_int(q, size) : 0;
	qpdf_oh_release(q, size);
	qpdf_oh_release(q, trailer);
	if (next <= 0) {
		*why = xstrdup("cairo's PDF has no object count (/Size)");
		goto done;
	}
	annots = xcalloc(m->nlinks + 1, sizeof *annots);
	for (size_t k = 0; k < m->nlinks; k++)
		annots[k] = link_annot(q, dc, &m->links[k], pages, &next);
	/* the MCIDs the tree will name are those cairo wrote on each page */
	int *want = xcalloc((size_t)n + 1, sizeof *want);
	for (size_t i = 0; i < m->nleaves; i++)
		if (m->leaves[i].page >= 0 && m->leaves[i].page < n)
			want[m->leaves[i].page]++;
	for (int i = 0; i < n && !*why; i++) {
		int got;
		if (pdf_struct_artifacts(q, pages[i], &got) != 0)
			*why = xasprintf("could not read page %d's content", i + 1);
		else if (got != want[i])
			*why = xasprintf("page %d has %d marked sequences where %d were drawn", i + 1, got, want[i]);
	}
	free(want);
	if (*why || pdf_struct_tree(q, dc, m, pages, annots, &next) != 0)
		goto done;
	/* what PDF/A-2b forbids mkbrief never writes (a CMYK JPEG is refused for every
	 * output); it needs only its output intent */
	if (pdf_a && output_intent(q, qpdf_get_root(q), why) != 0)
		goto done;
	catalog(q, dc, pdf_a);
	if (failed(q, why))
		goto done;
	if (io->out_path)
		qpdf_init_write(q, io->out_path);
	else
		qpdf_init_write_memory(q);
	qpdf_set_deterministic_ID(q, 1);
	qpdf_set_decode_level(q, qpdf_dl_none);
	qpdf_set_compress_streams(q, 1);
	/* the structure is thousands of small dictionaries: in object streams, compressed */
	qpdf_set_object_stream_mode(q, qpdf_o_generate);
	if (qpdf_write(q) & QPDF_ERRORS || failed(q, why))
		goto done;
	if (!io->out_path)
		sb_append(io->out, (const char *)qpdf_get_buffer(q), qpdf_get_buffer_length(q));
	rc = 0;
done:
	free(pages);
	free(annots);
	qpdf_cleanup(&q);
	return rc;
}
