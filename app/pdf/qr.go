package pdf

import (
	"context"
	"fmt"
	"runtime"

	"github.com/boombuler/barcode"
	"github.com/boombuler/barcode/qr"
	"github.com/jung-kurt/gofpdf"
)

// quietZone is the white margin a QR code needs around it, in modules.
const quietZone = 4

func encodeQR(payload string) (barcode.Barcode, error) {
	code, err := qr.Encode(payload, qr.M, qr.Auto)
	if err != nil {
		return nil, fmt.Errorf("pdf: QR code for %q: %w", payload, err)
	}
	return code, nil
}

type encoded struct {
	code barcode.Barcode
	err  error
}

// encodeQRs encodes the payloads on all cores, ahead of the page drawing
// that needs them: encoding (choosing the mask) costs about as much as
// drawing the rest of a page, and a document is drawn on one goroutine.
// Result i receives payload i's code; an empty payload gets none.
func encodeQRs(ctx context.Context, payloads []string) []chan encoded {
	out := make([]chan encoded, len(payloads))
	for i := range out {
		out[i] = make(chan encoded, 1)
	}
	next := make(chan int)
	go func() {
		defer close(next)
		for i := range payloads {
			select {
			case next <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	// The workers end when next closes: at the end, or soon after ctx ends.
	for range min(runtime.GOMAXPROCS(0), len(payloads)) {
		go func() {
			for i := range next {
				var e encoded
				if payloads[i] != "" {
					e.code, e.err = encodeQR(payloads[i])
				}
				out[i] <- e
			}
		}()
	}
	return out
}

// drawQR draws code as a QR code of size×size millimetres (quiet zone
// included) with its top-left corner at (x, y): vector squares, one
// rectangle per run of dark modules, so it prints sharp at any size.
func drawQR(f *gofpdf.Fpdf, code barcode.Barcode, x, y, size float64) {
	n := code.Bounds().Dx()
	m := size / float64(n+2*quietZone)
	ox, oy := x+quietZone*m, y+quietZone*m
	fillColor(f, white)
	f.Rect(x, y, size, size, "F")
	fillColor(f, rgb{0, 0, 0})
	for row := 0; row < n; row++ {
		for col := 0; col < n; {
			if !dark(code.At(col, row)) {
				col++
				continue
			}
			start := col
			for col < n && dark(code.At(col, row)) {
				col++
			}
			f.Rect(ox+float64(start)*m, oy+float64(row)*m, float64(col-start)*m, m, "F")
		}
	}
}

func dark(c interface{ RGBA() (r, g, b, a uint32) }) bool {
	r, _, _, _ := c.RGBA()
	return r < 0x8000
}
