// Package sign makes and checks the signed payload printed as a QR code on
// every certificate, so anyone holding the chapter's public key can check a
// certificate offline. It is pure: no storage, no network; it reads only
// the images and PDF bytes it is given.
//
// # Payload format, version 1
//
// A payload is ASCII text of three parts joined by "." (0x2E):
//
//	ACE1.<fields>.<seal>
//
// The parts:
//   - "ACE1" names the format and its version. A reader refuses any other
//     prefix.
//   - <fields> is base64url without padding (RFC 4648 §5, no "=") of the
//     UTF-8 bytes of six fields in this order, joined by one LF (0x0A):
//     serial, name, title, year, issuer, date. Every field is in Unicode
//     Normalization Form C and holds no control character (U+0000–U+001F,
//     U+007F–U+009F), so LF cannot occur inside a field. year is four
//     ASCII digits; date is YYYY-MM-DD (a real calendar date). serial, name
//     and issuer are never empty; title may be. Exactly five LFs, hence six
//     fields.
//   - <seal> is base64url without padding of 72 bytes: the 8-byte key ID,
//     then the 64-byte Ed25519 signature (RFC 8032). Its text is always 96
//     characters.
//
// The key ID is the first 8 bytes of SHA-256 over the 32-byte raw Ed25519
// public key. The signature is over the ASCII bytes of "ACE1." followed by
// <fields> exactly as printed, that is everything before the last ".".
//
// A reader must decode base64url strictly (no padding, no other alphabet,
// unused trailing bits zero), reject a field that is not NFC or holds a
// control character, and compare nothing it has re-encoded: it checks the
// signature over the printed text. So any change to any character of a
// payload fails verification. A typical Chinese certificate's payload is
// about 230 characters (see TestTypicalLength): a version 11 QR code
// (61×61 modules) at error correction level M.
package sign
