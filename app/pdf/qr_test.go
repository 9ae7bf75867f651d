package pdf

import (
	"slices"
	"strings"
	"testing"
)

// Payloads of every kind the encoder may choose a mode for, and lengths
// that need larger versions, decode from the printed page; so do the
// codes of a batch, each with the mask chosen for it.
func TestQRDecodes(t *testing.T) {
	payloads := []string{
		"ACE1.v_ACE-2026-0001",
		"ACE-2026-0003.9F2C1E",
		"20260001",
		"https://ace.example.org/v/" + strings.Repeat("Ab9_", 20),
	}
	for _, c := range batch(12) {
		payloads = append(payloads, c.QR)
	}
	certs := make([]Certificate, len(payloads))
	for i, p := range payloads {
		certs[i] = honor
		certs[i].QR = p
	}
	r := newRenderer(t)
	for i, pdf := range r.separate(t, certs, style) {
		page := pagePNGs(t, pdf, 150)[0]
		if got, want := qrCodes(t, page), []string{payloads[i]}; !slices.Equal(got, want) {
			t.Errorf("certificate %d: QR codes %q, want %q", i, got, want)
		}
	}
}
