/* support_files.h -- file helpers the unit tests share (linked into every
 * test binary; they fail the running cmocka test on any I/O error). */
#ifndef PC_TEST_SUPPORT_FILES_H
#define PC_TEST_SUPPORT_FILES_H

#include <stddef.h>

/* The whole file, malloc'd (free it); its size in *n. */
unsigned char *pc_test_read_file(const char *path, size_t *n);
/* 1 if files a and b both open and hold the same bytes, else 0. */
int pc_test_same_file(const char *a, const char *b);

#endif
