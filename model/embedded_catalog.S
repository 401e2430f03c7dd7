/* embedded_catalog.S — places the bytes of the catalog snapshot (spec/catalog/aws-catalog.txt)
 * in the binary's read-only data, between two symbols that embedded_catalog.cpp turns into a
 * std::string_view.
 *
 * Tested by: tests/unit/embedded_catalog_test.cpp (to be added: header line and size match the file)
 *
 * IMPLEMENTATION: `.incbin` copies the file into the object at assembly time, costing nothing at
 * compile time. The alternatives are worse: a ~470 KB string literal (or a generated array of
 * byte values, several MB of source) is slow to compile, runs into compiler limits (MSVC rejects
 * literals over 64 KB) and needs a code-generation step; `#embed` (C23/C++26) is not in g++ 12.
 * CMake passes the snapshot's absolute path as the quoted string LEASTPRIV_CATALOG_PATH
 * (model/EmbeddedCatalog.cmake) and lists the snapshot in OBJECT_DEPENDS, since the compiler's
 * dependency output does not see `.incbin`. GNU assembler syntax for ELF targets (Linux);
 * `%object` and `%progbits` rather than `@...` so the file also assembles for ARM, where `@`
 * starts a comment.
 *
 * INVARIANT: leastpriv_embedded_catalog_end - leastpriv_embedded_catalog_start is the file size;
 * a NUL byte follows the end symbol, outside the view, so the data is also a C string.
 */

#ifndef LEASTPRIV_CATALOG_PATH
#error "LEASTPRIV_CATALOG_PATH must name the catalog snapshot; use leastpriv_embed_catalog() from model/EmbeddedCatalog.cmake"
#endif

        .section .rodata.leastpriv_embedded_catalog, "a", %progbits

        .global leastpriv_embedded_catalog_start
        .hidden leastpriv_embedded_catalog_start
        .type   leastpriv_embedded_catalog_start, %object
        .global leastpriv_embedded_catalog_end
        .hidden leastpriv_embedded_catalog_end
        .type   leastpriv_embedded_catalog_end, %object

        .balign 16
leastpriv_embedded_catalog_start:
        .incbin LEASTPRIV_CATALOG_PATH
leastpriv_embedded_catalog_end:
        .byte 0
        .size   leastpriv_embedded_catalog_start, leastpriv_embedded_catalog_end - leastpriv_embedded_catalog_start
        .size   leastpriv_embedded_catalog_end, 1

/* Without this note the linker assumes the object needs an executable stack and warns (or,
 * with -z noexecstack missing, marks the whole program's stack executable). */
        .section .note.GNU-stack, "", %progbits
