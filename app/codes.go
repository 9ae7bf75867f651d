package app

import (
	"crypto/ed25519"
	"crypto/sha256"
	"errors"
	"io"
)

// Codes signs and reads the code a certificate prints as its QR code
// (app/sign, whose package documentation specifies the format), and draws
// other codes to scan, such as an attendee's door pass.
type Codes interface {
	// Sign is the payload of c signed with key. Claims it cannot sign
	// give an error that wraps ErrInvalidClaims.
	Sign(c Claims, key ed25519.PrivateKey) (string, error)
	// Verify checks payload against the trusted keys. The error wraps
	// ErrCodeMalformed, ErrUnknownIssuer or ErrCodeForged.
	Verify(payload string, keys []ed25519.PublicKey) (Claims, error)
	// FromImage reads the texts of the QR codes in a PNG or JPEG photo or
	// scan, in the order found, without repeats. An image without one
	// gives ErrNoCode; one beyond MaxImagePixels gives ErrImageTooLarge.
	FromImage(r io.Reader) ([]string, error)
	// FromPDF reads the certificate codes a PDF made by ACE Desk carries:
	// those its pages print as QR codes when it can read them, else those
	// of its metadata, each saying which. None gives ErrNoCode.
	FromPDF(data []byte) ([]PDFCode, error)
	// QRDataURL draws text as a QR code in a PNG data URL.
	QRDataURL(text string) (string, error)
}

// PDFCode is a certificate code found in a PDF. Printed: read from the QR
// code drawn on the page; else only from the file's metadata, which can
// be edited without changing what is printed.
type PDFCode struct {
	Payload string
	Printed bool
}

// Claims are the fields a certificate prints and its QR code signs.
type Claims struct {
	Serial string `json:"serial"`
	Name   string `json:"name"`
	// Title is the level or title printed, e.g. "PostgreSQL ACE 伙伴",
	// "杭州用户组组长" or "感谢：<talk>".
	Title  string `json:"title"`
	Year   int    `json:"year"`
	Issuer string `json:"issuer"`
	// Date is the issue date, YYYY-MM-DD.
	Date string `json:"date"`
}

// What a certificate code can be, besides genuine.
var (
	// ErrCodeMalformed: not a payload of this format.
	ErrCodeMalformed = errors.New("malformed payload")
	// ErrUnknownIssuer: no trusted key has the payload's key ID.
	ErrUnknownIssuer = errors.New("unknown issuer")
	// ErrCodeForged: the signature does not match the payload.
	ErrCodeForged = errors.New("forged payload")
	// ErrInvalidClaims: claims that cannot be signed.
	ErrInvalidClaims = errors.New("invalid claims")
	// ErrNoCode: a file holds no certificate code.
	ErrNoCode = errors.New("no certificate code found")
	// ErrImageTooLarge: an image beyond MaxImagePixels.
	ErrImageTooLarge = errors.New("image too large")
	// ErrImagesBusy: as many images as the process decodes at once are
	// being decoded, and as many wait: try again in a moment.
	ErrImagesBusy = errors.New("too many images being read at once")
)

// MaxImagePixels bounds the images read for codes: a phone photo at its
// usual 12 megapixels passes (so does a 4000×4000 scan); a 48-megapixel
// photo or a decompression bomb is refused before it is decoded. Decoding
// one at the limit takes up to 64 MB (16-bit PNGs twice that).
const MaxImagePixels = 16_000_000

// KeyIDSize is the length of a key ID in bytes.
const KeyIDSize = 8

// KeyID names a public key on certificates and in bundles: the first 8
// bytes of SHA-256 over the raw key.
func KeyID(pub ed25519.PublicKey) [KeyIDSize]byte {
	sum := sha256.Sum256(pub)
	var id [KeyIDSize]byte
	copy(id[:], sum[:KeyIDSize])
	return id
}
