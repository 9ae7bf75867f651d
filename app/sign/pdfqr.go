package sign

import (
	"bytes"
	"compress/zlib"
	"image"
	"image/color"
	"io"
	"strconv"
)

// A certificate PDF ACE Desk writes draws its QR code as vectors in the
// page's content stream: a square filled white ("1.000 g", then
// "x y w -w re f"), then one black rectangle per run of dark modules. The
// metadata also carries the payload (see PDFMarker), but anyone can edit
// metadata without touching what is printed: so the printed squares are
// read first, drawn at a few pixels a module and decoded as a photo is.

// maxStreamBytes bounds what one content stream may inflate to, and
// maxStreams how many are inflated: a certificate page is some tens of
// kilobytes.
const (
	maxStreamBytes = 8 << 20
	maxStreams     = 2000
)

// printedPayloads are the texts of the QR codes drawn in data's content
// streams, in order, without repeats.
func printedPayloads(data []byte) []string {
	var out []string
	seen := map[string]bool{}
	streams := 0
	for rest := data; streams < maxStreams; streams++ {
		i := bytes.Index(rest, []byte("stream"))
		if i < 0 {
			break
		}
		rest = rest[i+len("stream"):]
		rest = bytes.TrimLeft(rest, "\r\n")
		end := bytes.Index(rest, []byte("endstream"))
		if end < 0 {
			break
		}
		content, err := inflate(rest[:end])
		rest = rest[end+len("endstream"):]
		if err != nil {
			continue
		}
		for _, q := range drawnCodes(content) {
			texts, err := decodeImage(q)
			if err != nil {
				continue
			}
			for _, t := range texts {
				if !seen[t] {
					seen[t] = true
					out = append(out, t)
				}
			}
		}
	}
	return out
}

func inflate(b []byte) ([]byte, error) {
	r, err := zlib.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	defer r.Close()
	out, err := io.ReadAll(io.LimitReader(r, maxStreamBytes+1))
	if err != nil || len(out) > maxStreamBytes {
		return nil, io.ErrUnexpectedEOF
	}
	return out, nil
}

// rect is a filled rectangle in page units: x, y its corner, w, h its
// size (h negative: drawn downwards, as the renderer writes them).
type rect struct{ x, y, w, h float64 }

// drawnCodes finds the QR codes a content stream draws: each white
// square with the black rectangles filled inside it after it.
func drawnCodes(content []byte) []image.Image {
	var out []image.Image
	var square *rect
	var modules []rect
	white := false
	flush := func() {
		if square != nil && len(modules) > 0 {
			if img := rasterise(*square, modules); img != nil {
				out = append(out, img)
			}
		}
		square, modules = nil, nil
	}
	for _, line := range bytes.Split(content, []byte("\n")) {
		f := bytes.Fields(line)
		switch {
		case len(f) == 2 && string(f[1]) == "g":
			white = string(f[0]) == "1.000" || string(f[0]) == "1"
		case len(f) == 6 && string(f[4]) == "re" && string(f[5]) == "f":
			r, ok := parseRect(f[:4])
			switch {
			case !ok:
				flush()
			case white && r.w > 0 && r.w == -r.h:
				flush()
				square = &r
			case !white && square != nil && inside(r, *square):
				modules = append(modules, r)
			default:
				flush()
			}
		}
	}
	flush()
	return out
}

func parseRect(f [][]byte) (rect, bool) {
	var v [4]float64
	for i := range v {
		n, err := strconv.ParseFloat(string(f[i]), 64)
		if err != nil {
			return rect{}, false
		}
		v[i] = n
	}
	return rect{v[0], v[1], v[2], v[3]}, true
}

func inside(r, sq rect) bool {
	const eps = 0.01
	return r.x >= sq.x-eps && r.x+r.w <= sq.x+sq.w+eps && r.y <= sq.y+eps && r.y+r.h >= sq.y+sq.h-eps
}

// pixelsPerModule is how finely a drawn code is rasterised.
const pixelsPerModule = 4

// rasterise draws the square white with its black rectangles at
// pixelsPerModule a module, the module being the smallest rectangle's
// height; nil when the drawing is not a plausible code.
func rasterise(sq rect, modules []rect) image.Image {
	module := -modules[0].h
	for _, m := range modules {
		module = min(module, -m.h)
	}
	if module <= 0 || sq.w/module > 200 {
		return nil
	}
	scale := pixelsPerModule / module
	side := int(sq.w*scale + 0.5)
	img := image.NewGray(image.Rect(0, 0, side, side))
	for i := range img.Pix {
		img.Pix[i] = 255
	}
	for _, m := range modules {
		x0, y0 := int((m.x-sq.x)*scale+0.5), int((sq.y-m.y)*scale+0.5)
		x1, y1 := int((m.x+m.w-sq.x)*scale+0.5), int((sq.y-m.y-m.h)*scale+0.5)
		for y := max(y0, 0); y < min(y1, side); y++ {
			for x := max(x0, 0); x < min(x1, side); x++ {
				img.SetGray(x, y, color.Gray{})
			}
		}
	}
	return img
}
