#ifndef BENCH_CFUZZER_H
#define BENCH_CFUZZER_H
#include <stddef.h>
#include <stdint.h>

// libFuzzer's driver (compiler-rt's FuzzerDriver.cpp, linked by -sanitize=fuzzer). SwiftPM gives every executable a
// `main` of its own (the module's entry point, aliased), so libFuzzer's `main` is never linked; the targets call the
// driver from their `main` instead.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*UserCb)(const uint8_t *Data, size_t Size));

#endif
