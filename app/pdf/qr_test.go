package pdf

import (
	"slices"
	"strings"
	"testing"

	goqr "github.com/piglig/go-qr"
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

// Masking the unmasked modules of a code with mask k, with its format
// information, draws exactly the code go-qr encodes with mask k: the
// function patterns, the masks and the format bits of qrmask.go are the
// standard's. A typical certificate's payload and shorter ones.
func TestMasksAsTheStandardDraws(t *testing.T) {
	for _, payload := range []string{honor.QR, appointment.QR, "ACE1.short", strings.Repeat("PGACE-2026-HZ-", 12)} {
		segs, err := goqr.MakeSegments(payload)
		if err != nil {
			t.Fatal(err)
		}
		code0, err := goqr.EncodeSegments(segs, goqr.Low, goqr.MinVersion, goqr.MaxVersion, 0, true)
		if err != nil {
			t.Fatal(err)
		}
		data := unmasked(code0)
		for k := range 8 {
			want, err := goqr.EncodeSegments(segs, goqr.Low, goqr.MinVersion, goqr.MaxVersion, k, true)
			if err != nil {
				t.Fatal(err)
			}
			got := masked(data, k)
			for y := range want.Size() {
				for x := range want.Size() {
					if (got.rows[y]>>x&1 == 1) != want.Module(x, y) || (got.cols[x]>>y&1 == 1) != want.Module(x, y) {
						t.Fatalf("size %d, mask %d: module (%d, %d) differs from go-qr's", want.Size(), k, x, y)
					}
				}
			}
		}
	}
}

// The penalty counts what the standard counts: a grid of one colour is
// all runs and blocks; a checkerboard has none and half its modules dark.
func TestPenalty(t *testing.T) {
	solid := &maskGrid{n: 21}
	board := &maskGrid{n: 21}
	for y := range 21 {
		for x := range 21 {
			solid.set(x, y, true)
			board.set(x, y, (x+y)%2 == 0)
		}
	}
	// 42 lines of 21: each a run of 21 (3 + 16); 20×20 blocks (3); all dark (k = 9).
	if got, want := solid.penalty(), 42*19+400*3+90; got != want {
		t.Errorf("solid penalty = %d, want %d", got, want)
	}
	if got := board.penalty(); got != 0 {
		t.Errorf("checkerboard penalty = %d, want 0", got)
	}
	// A finder-like 1011101 after four light modules on one row costs 40
	// on top of its runs of light.
	finder := *board
	for x, dark := range []bool{false, false, false, false, true, false, true, true, true, false, true, false} {
		finder.set(x+4, 10, dark)
	}
	if got := finder.penalty(); got < 40 {
		t.Errorf("a finder-like pattern costs %d, want at least 40", got)
	}
}
