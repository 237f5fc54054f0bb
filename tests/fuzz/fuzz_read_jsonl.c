/* fuzz_read_jsonl.c: libFuzzer target for the JSON Lines document reader (stage one);
 * the harness in read_harness.h checks each document and error it returns. */
#include "read_harness.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fuzz_read(data, size, DYAD_INPUT_JSONL);
}
