/* brief.c: STUB — loads a brief's YAML into the model (being written). */
#include "brief.h"
#include "util.h"
brief *brief_load(const char *path, diag *d)
{
	diag_error(d, loc_at(path, 0, 0), "brief loading is not implemented yet");
	return NULL;
}
void brief_free(brief *b) { (void)b; }
int brief_source_index(const brief *b, const char *id) { (void)b; (void)id; return -1; }
