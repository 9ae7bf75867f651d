package sign

import (
	"errors"
	"reflect"
	"testing"
)

func TestPayloadsFromPDF(t *testing.T) {
	a := mustSign(t, typical(), testKey(0))
	other := typical()
	other.Serial = "2026-HZ-0043"
	b := mustSign(t, other, testKey(0))
	pdf := func(keywords string) []byte {
		return []byte("%PDF-1.3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n" +
			"3 0 obj\n<< /Producer (ACE Desk) /Keywords (" + keywords + ") >>\nendobj\n" +
			"trailer\n<< /Root 1 0 R /Info 3 0 R >>\n%%EOF\n")
	}
	tests := []struct {
		name string
		data []byte
		want []string
	}{
		{"one page", pdf("ACEQR:" + a), []string{a}},
		{"two pages", pdf("ACEQR:" + a + " ACEQR:" + b), []string{a, b}},
		{"repeated", pdf("ACEQR:" + a + " ACEQR:" + a), []string{a}},
		{"among other keywords", pdf("PostgreSQL ACE ACEQR:" + a + " 证书"), []string{a}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := PayloadsFromPDF(tt.data)
			if err != nil {
				t.Fatalf("PayloadsFromPDF: %v", err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
	for _, data := range [][]byte{pdf("PostgreSQL"), pdf("ACEQR: " + a), nil} {
		if _, err := PayloadsFromPDF(data); !errors.Is(err, ErrNoPayload) {
			t.Errorf("PayloadsFromPDF(%.60q): got %v, want ErrNoPayload", data, err)
		}
	}
}

// TestAPDFWithoutAPrintedCodeSaysItsCodeIsMetadataOnly: a file that only
// carries the marker (an edited PDF, or one made elsewhere) still gives
// its codes, marked as not printed.
func TestAPDFWithoutAPrintedCodeSaysItsCodeIsMetadataOnly(t *testing.T) {
	payload := mustSign(t, typical(), testKey(0))
	codes, err := CodesFromPDF([]byte("%PDF-1.4\n/Keywords (" + PDFMarker + payload + ")\n%%EOF"))
	if err != nil || len(codes) != 1 || codes[0].Payload != payload || codes[0].Printed {
		t.Errorf("CodesFromPDF = %+v, %v; want the metadata's code, not printed", codes, err)
	}
	if _, err := CodesFromPDF([]byte("%PDF-1.4\nstream\nnot zlib\nendstream\n")); !errors.Is(err, ErrNoPayload) {
		t.Errorf("a PDF with nothing: %v, want ErrNoPayload", err)
	}
}
