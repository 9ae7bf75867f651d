/*
 * bcryptprimitives.dll for Wine 8 (Debian 12), which lacks it: the Go
 * runtime (1.22 and later) calls ProcessPrng from it at start and stops
 * with "fatal error: bcryptprimitives.dll not found" without it. This one
 * fills the buffer from RtlGenRandom (advapi32's SystemFunction036), as
 * Windows' does from its system generator. Only the Windows test uses it
 * (scripts/dist/windows.test.mjs puts it in its Wine prefix's system32);
 * it is never shipped.
 *
 *   x86_64-w64-mingw32-gcc -shared -O2 -s -o bcryptprimitives.dll bcryptprimitives.c -ladvapi32
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
    while (len > 0) {
        ULONG n = len > 0x40000000 ? 0x40000000 : (ULONG)len;
        if (!SystemFunction036(data, n))
            return FALSE;
        data += n;
        len -= n;
    }
    return TRUE;
}
