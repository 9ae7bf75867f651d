package pdf

import (
	"fmt"

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
