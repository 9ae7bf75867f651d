package pdf

import (
	"bytes"
	"fmt"

	"github.com/jung-kurt/gofpdf"
)

// The palette: PostgreSQL blue, a gold accent, and near-black text.
type rgb struct{ r, g, b int }

var (
	pgBlue   = rgb{51, 103, 145} // #336791
	gold     = rgb{184, 146, 64}
	ink      = rgb{34, 34, 34}
	grey     = rgb{110, 110, 110}
	paleGrey = rgb{170, 170, 170}
	white    = rgb{255, 255, 255}
)

func textColor(f *doc, c rgb) { f.SetTextColor(c.r, c.g, c.b) }
func drawColor(f *doc, c rgb) { f.SetDrawColor(c.r, c.g, c.b) }
func fillColor(f *doc, c rgb) { f.SetFillColor(c.r, c.g, c.b) }

// ptToMM converts a font size to the height of its line box.
const ptToMM = 25.4 / 72

// centered prints s centred on cx with its baseline at y.
func centered(f *doc, s string, cx, y float64) {
	f.Text(cx-f.GetStringWidth(s)/2, y, s)
}

// fit sets the font size to size, or smaller until s fits in width.
func fit(f *doc, s string, size, width float64) {
	f.SetFontSize(size)
	if w := f.GetStringWidth(s); w > width {
		f.SetFontSize(size * width / w)
	}
}

// drawImage draws a PNG centred on (cx, cy), scaled to fit w×h, keeping its
// proportions. name identifies it in the document, so a page reuses it.
func drawImage(f *doc, name string, png []byte, cx, cy, w, h float64) error {
	opt := gofpdf.ImageOptions{ImageType: "PNG"}
	info := f.GetImageInfo(name)
	if info == nil {
		info = f.RegisterImageOptionsReader(name, opt, bytes.NewReader(png))
		if err := f.Error(); err != nil || info == nil {
			return fmt.Errorf("pdf: image %s: %v", name, err)
		}
	}
	iw, ih := info.Width(), info.Height()
	scale := min(w/iw, h/ih)
	iw, ih = iw*scale, ih*scale
	f.ImageOptions(name, cx-iw/2, cy-ih/2, iw, ih, false, opt, 0, "")
	return nil
}
