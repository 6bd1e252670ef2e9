/* datapath.h: where mkbrief's data (layouts/, fonts/) is found, built or installed. */
#ifndef MKBRIEF_DATAPATH_H
#define MKBRIEF_DATAPATH_H

/* The directory holding fonts/ and the stock layouts/: $MKBRIEF_DATA; else, for an
 * installed binary (PREFIX/bin/mkbrief), PREFIX/share/mkbrief beside it; else the source
 * tree a binary in build/ (or build/asan/...) sits in; else the configured
 * MKBRIEF_DATADIR (PREFIX/share/mkbrief). Caller frees. */
char *data_dir(void);

/* The directories searched for layouts/NAME.yaml, first match wins: layouts/ beside the
 * brief (the current directory when brief_path is NULL), $XDG_DATA_HOME/mkbrief/layouts
 * (default ~/.local/share), then data_dir's layouts/. Duplicates are dropped. A
 * NULL-terminated array; free with g_strfreev. */
char **layout_dirs(const char *brief_path, const char *data);

#endif
