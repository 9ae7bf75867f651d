package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
)

// A certificate's QR payload is also written into its PDF twice, so the
// file itself can be verified without decoding the image:
//   - in the document's Keywords (the Info dictionary, never compressed),
//     one "ACEQR:<payload>" word per certificate in page order;
//   - as the same word in tiny white text under the QR code, which text
//     extraction (pdftotext, copy and paste) finds on its page.
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

// PayloadsFromPDF returns the QR payloads written into a PDF made by
// Certificates or EachCertificate, in page order, read from the document's
// Keywords.
func PayloadsFromPDF(data []byte) ([]string, error) {
	i := bytes.LastIndex(data, []byte("/Keywords ("))
	if i < 0 {
		return nil, errors.New("pdf: no Keywords in this PDF")
	}
	kw, err := literalString(data[i+len("/Keywords "):])
	if err != nil {
		return nil, err
	}
	var out []string
	for _, word := range strings.Fields(kw) {
		if p, ok := strings.CutPrefix(word, payloadMarker); ok && p != "" {
			out = append(out, p)
		}
	}
	if len(out) == 0 {
		return nil, errors.New("pdf: no QR payload in this PDF")
	}
	return out, nil
}

// literalString decodes the PDF literal string at the start of b: "(...)"
// with balanced parentheses and backslash escapes.
func literalString(b []byte) (string, error) {
	var out []byte
	depth := 0
	for i := 0; i < len(b); i++ {
		c := b[i]
		switch {
		case c == '\\' && i+1 < len(b):
			i++
			switch e := b[i]; e {
			case 'n':
				out = append(out, '\n')
			case 'r':
				out = append(out, '\r')
			case 't':
				out = append(out, '\t')
			case 'b':
				out = append(out, '\b')
			case 'f':
				out = append(out, '\f')
			default:
				if e >= '0' && e <= '7' {
					v := 0
					j := i
					for ; j < len(b) && j < i+3 && b[j] >= '0' && b[j] <= '7'; j++ {
						v = v*8 + int(b[j]-'0')
					}
					out = append(out, byte(v))
					i = j - 1
				} else if e != '\n' && e != '\r' {
					out = append(out, e)
				}
			}
		case c == '(':
			if depth > 0 {
				out = append(out, c)
			}
			depth++
		case c == ')':
			depth--
			if depth == 0 {
				return string(out), nil
			}
			out = append(out, c)
		default:
			out = append(out, c)
		}
	}
	return "", errors.New("pdf: unterminated string in Keywords")
}
