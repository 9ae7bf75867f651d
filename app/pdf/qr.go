package pdf

import (
	"fmt"

	"github.com/jung-kurt/gofpdf"
	goqr "github.com/piglig/go-qr"
)

// quietZone is the white margin a QR code needs around it, in modules.
const quietZone = 4

// encodeQR encodes payload at level M in the smallest version that holds
// it, with the mask that scores best. The encoder scores the eight masks
// several times faster than boombuler/barcode did, which cost as much as
// drawing the rest of a page.
func encodeQR(payload string) (*goqr.QrCode, error) {
	segs, err := goqr.MakeSegments(payload)
	var code *goqr.QrCode
	if err == nil {
		code, err = goqr.EncodeSegments(segs, goqr.Medium, goqr.MinVersion, goqr.MaxVersion, -1, false)
	}
	if err != nil {
		return nil, fmt.Errorf("pdf: QR code for %q: %w", payload, err)
	}
	return code, nil
}

// drawQR draws code as a QR code of size×size millimetres (quiet zone
// included) with its top-left corner at (x, y): vector squares, one
// rectangle per run of dark modules, so it prints sharp at any size.
func drawQR(f *gofpdf.Fpdf, code *goqr.QrCode, x, y, size float64) {
	n := code.Size()
	m := size / float64(n+2*quietZone)
	ox, oy := x+quietZone*m, y+quietZone*m
	fillColor(f, white)
	f.Rect(x, y, size, size, "F")
	fillColor(f, rgb{0, 0, 0})
	for row := 0; row < n; row++ {
		for col := 0; col < n; {
			if !code.Module(col, row) {
				col++
				continue
			}
			start := col
			for col < n && code.Module(col, row) {
				col++
			}
			f.Rect(ox+float64(start)*m, oy+float64(row)*m, float64(col-start)*m, m, "F")
		}
	}
}
