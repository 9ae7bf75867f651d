package pdf

import "fmt"

// A certificate's QR payload is also written into its PDF, so the file
// itself can be verified without decoding the image: in the document's
// Keywords (the Info dictionary, never compressed), one "ACEQR:<payload>"
// word per certificate in page order. sign.PayloadsFromPDF reads them
// back. (It is not also on the page as hidden text, as it once was: that
// cost a quarter of a page's bytes.)
//
// Payloads are therefore printable ASCII without spaces (a URL or a code).
const payloadMarker = "ACEQR:"

// checkPayload refuses a payload the Keywords could not carry unambiguously.
func checkPayload(p string) error {
	for _, c := range p {
		if c <= ' ' || c > '~' {
			return fmt.Errorf("pdf: QR payload %q: only printable ASCII without spaces", p)
		}
	}
	return nil
}
