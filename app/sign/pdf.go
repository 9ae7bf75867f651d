package sign

import (
	"bytes"

	"acedesk/app"
)

// PDFMarker precedes each page's payload in a certificate PDF's /Keywords
// metadata, which the renderer writes uncompressed.
const PDFMarker = "ACEQR:"

// ErrNoPayload means a file holds no certificate payload.
var ErrNoPayload = app.ErrNoCode

// PayloadsFromPDF finds every "ACEQR:<payload>" in the raw bytes of a
// certificate PDF, in order, without repeats. It reads text the renderer
// wrote, not the QR images: a PDF from elsewhere yields ErrNoPayload.
func PayloadsFromPDF(data []byte) ([]string, error) {
	var out []string
	seen := map[string]bool{}
	for rest := data; ; {
		i := bytes.Index(rest, []byte(PDFMarker))
		if i < 0 {
			break
		}
		rest = rest[i+len(PDFMarker):]
		n := 0
		for n < len(rest) && IsPayloadByte(rune(rest[n])) {
			n++
		}
		p := string(rest[:n])
		rest = rest[n:]
		if p != "" && !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	if len(out) == 0 {
		return nil, ErrNoPayload
	}
	return out, nil
}

// CodesFromPDF is the codes of a certificate PDF: the printed QR codes
// when any can be read (the metadata, which could say anything, is then
// not used), else the metadata's, marked as such.
func CodesFromPDF(data []byte) ([]app.PDFCode, error) {
	var out []app.PDFCode
	for _, p := range printedPayloads(data) {
		out = append(out, app.PDFCode{Payload: p, Printed: true})
	}
	if len(out) > 0 {
		return out, nil
	}
	meta, err := PayloadsFromPDF(data)
	for _, p := range meta {
		out = append(out, app.PDFCode{Payload: p})
	}
	return out, err
}
