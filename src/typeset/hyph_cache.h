/* hyph_cache.h: libhyphen's compiled automaton kept on disk, so that a run need not build it
 * from the text patterns (issue 20). Never required: every failure falls back to the text. */
#ifndef MKBRIEF_HYPH_CACHE_H
#define MKBRIEF_HYPH_CACHE_H
#include <hyphen.h>

/* The cache directory from the environment ($XDG_CACHE_HOME/mkbrief, else ~/.cache/mkbrief;
 * an XDG_CACHE_HOME that is not absolute is ignored, as the XDG spec says), or NULL when
 * there is none (no HOME). Read on the main thread; free()d by the caller. */
char *hyph_cache_dir(void);

/* The dictionary compiled from the patterns file src, read from its cache file in dir when
 * that file is whole and was made from src as it is (the same size and modification time;
 * or the same size and SHA-256, and then *refresh is set: store it again with src's new
 * time, so that the next run need not read src), else NULL. *mem receives the memory the
 * dictionary lives in: free it with hyph_cache_free only. */
HyphenDict *hyph_cache_load(const char *dir, const char *src, void **mem, int *refresh);
/* Writes d, compiled from src, as src's cache file in dir: to a temporary file renamed into
 * place, so that a reader never sees half a file. Any failure (a read-only or missing
 * directory, a full disk) leaves no file and is not reported. */
void hyph_cache_store(const char *dir, const char *src, const HyphenDict *d);
void hyph_cache_free(HyphenDict *d, void *mem);

#endif
