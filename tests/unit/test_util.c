/* test_util.c: unit tests of the arena (src/util/arena.c): alignment, zeroed
 * and copied memory, reuse after a reset, and growing an arena-backed array
 * as the coder's event and quote lists do. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "util/arena.h"

static void test_alloc_aligned_and_large(void **state)
{
    (void)state;
    arena a;
    arena_init(&a, 64);
    for (size_t n = 1; n < 200; n += 7) {
        unsigned char *p = arena_alloc(&a, n);
        assert_non_null(p);
        assert_int_equal((uintptr_t)p % 16, 0);
        memset(p, 0xab, n);
    }
    /* larger than a block */
    unsigned char *big = arena_alloc(&a, 10000);
    assert_non_null(big);
    memset(big, 1, 10000);
    assert_null(arena_alloc(&a, SIZE_MAX));
    assert_null(arena_calloc(&a, SIZE_MAX / 2, 4));
    arena_free(&a);
}

static void test_calloc_and_strdup(void **state)
{
    (void)state;
    arena a;
    arena_init(&a, 0);
    int *z = arena_calloc(&a, 100, sizeof *z);
    assert_non_null(z);
    for (int i = 0; i < 100; i++)
        assert_int_equal(z[i], 0);
    char *s = arena_strndup(&a, "Tehran said", 6);
    assert_string_equal(s, "Tehran");
    assert_string_equal(arena_strdup(&a, "Kerry"), "Kerry");
    arena_reset(&a);
    z = arena_calloc(&a, 10, sizeof *z);
    assert_non_null(z);
    assert_int_equal(z[9], 0);
    arena_free(&a);
}

static void test_grow_keeps_elements(void **state)
{
    (void)state;
    arena a;
    arena_init(&a, 256);
    long *v = NULL;
    size_t n = 0, cap = 0;
    for (long i = 0; i < 1000; i++) {
        long *w = arena_grow(&a, v, n, &cap, sizeof *v, 4);
        assert_non_null(w);
        if (n < 4)
            assert_int_equal(cap, 4);
        v = w;
        v[n++] = i * 3;
    }
    assert_true(cap >= 1000 && cap < 2000);
    for (size_t i = 0; i < n; i++)
        assert_int_equal(v[i], (long)i * 3);
    /* room left: the same array back, capacity unchanged */
    size_t before = cap;
    assert_ptr_equal(arena_grow(&a, v, n, &cap, sizeof *v, 4), v);
    assert_int_equal(cap, before);
    /* a capacity whose bytes would overflow */
    size_t huge = SIZE_MAX / 2 + 1;
    assert_null(arena_grow(&a, v, huge, &huge, sizeof *v, 4));
    arena_free(&a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_alloc_aligned_and_large),
        cmocka_unit_test(test_calloc_and_strdup),
        cmocka_unit_test(test_grow_keeps_elements),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
