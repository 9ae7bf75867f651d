package pdf

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"math"

	goqr "github.com/piglig/go-qr"
	"golang.org/x/image/draw"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"
)

// A picture to share: the certificate's own layout drawn into pixels, the
// width of a phone screen, with a panel under it that repeats the QR code
// large, since the certificate's code is a few millimetres wide on a
// phone and another phone must read it from the screen.
const (
	pictureW = 1080
	pictureH = 1440
	// pictureQR is the panel's code with its quiet zone, in pixels.
	pictureQR = 460
)

// rasterCanvas draws into an image, scale pixels a millimetre.
type rasterCanvas struct {
	r      *Renderer
	img    *image.RGBA
	scale  float64
	glyphs sfnt.Buffer
}

func (c *rasterCanvas) px(mm float64) float64 { return mm * c.scale }

// fill rasterizes the path that build draws (in pixels, within bounds)
// and paints it in col.
func (c *rasterCanvas) fill(bounds image.Rectangle, col rgb, build func(z *vector.Rasterizer, dx, dy float32)) {
	bounds = bounds.Intersect(c.img.Bounds())
	if bounds.Empty() {
		return
	}
	z := vector.NewRasterizer(bounds.Dx(), bounds.Dy())
	build(z, float32(-bounds.Min.X), float32(-bounds.Min.Y))
	z.Draw(c.img, bounds, image.NewUniform(color.RGBA{uint8(col.r), uint8(col.g), uint8(col.b), 255}), image.Point{})
}

// box is the pixel rectangle around x0, y0 … x1, y1 (pixels).
func box(x0, y0, x1, y1 float64) image.Rectangle {
	return image.Rect(int(math.Floor(min(x0, x1)))-1, int(math.Floor(min(y0, y1)))-1, int(math.Ceil(max(x0, x1)))+1, int(math.Ceil(max(y0, y1)))+1)
}

func (c *rasterCanvas) text(x, y, size float64, col rgb, s string) {
	ppem := size * ptToMM * c.scale
	x0, base := c.px(x), c.px(y)
	w := c.r.width(s, size) * c.scale
	c.fill(box(x0, base-1.2*ppem, x0+w, base+0.4*ppem), col, func(z *vector.Rasterizer, dx, dy float32) {
		pen := x0
		for _, ch := range s {
			gi, err := c.r.font.GlyphIndex(&c.glyphs, ch)
			if err == nil && gi != 0 {
				segs, err := c.r.font.LoadGlyph(&c.glyphs, gi, fixed.Int26_6(ppem*64), nil)
				if err == nil {
					ox, oy := float32(pen)+dx, float32(base)+dy
					pt := func(p fixed.Point26_6) (float32, float32) {
						return ox + float32(p.X)/64, oy + float32(p.Y)/64
					}
					for _, seg := range segs {
						switch seg.Op {
						case sfnt.SegmentOpMoveTo:
							z.MoveTo(pt(seg.Args[0]))
						case sfnt.SegmentOpLineTo:
							z.LineTo(pt(seg.Args[0]))
						case sfnt.SegmentOpQuadTo:
							ax, ay := pt(seg.Args[0])
							bx, by := pt(seg.Args[1])
							z.QuadTo(ax, ay, bx, by)
						case sfnt.SegmentOpCubeTo:
							ax, ay := pt(seg.Args[0])
							bx, by := pt(seg.Args[1])
							cx, cy := pt(seg.Args[2])
							z.CubeTo(ax, ay, bx, by, cx, cy)
						}
					}
					z.ClosePath()
				}
			}
			pen += c.r.advance(ch) * ppem / 1000
		}
	})
}

func (c *rasterCanvas) fillRect(x, y, w, h float64, col rgb) {
	c.polygon([][2]float64{{x, y}, {x + w, y}, {x + w, y + h}, {x, y + h}}, col)
}

func (c *rasterCanvas) strokeRect(x, y, w, h, width float64, col rgb) {
	c.line(x-width/2, y, x+w+width/2, y, width, col)
	c.line(x-width/2, y+h, x+w+width/2, y+h, width, col)
	c.line(x, y, x, y+h, width, col)
	c.line(x+w, y, x+w, y+h, width, col)
}

// line draws a horizontal or vertical line, as layouts draw them.
func (c *rasterCanvas) line(x1, y1, x2, y2, width float64, col rgb) {
	if y1 == y2 {
		c.fillRectPx(c.px(min(x1, x2)), c.px(y1-width/2), c.px(max(x1, x2)), c.px(y1+width/2), col)
		return
	}
	c.fillRectPx(c.px(x1-width/2), c.px(min(y1, y2)), c.px(x1+width/2), c.px(max(y1, y2)), col)
}

func (c *rasterCanvas) fillRectPx(x0, y0, x1, y1 float64, col rgb) {
	c.fill(box(x0, y0, x1, y1), col, func(z *vector.Rasterizer, dx, dy float32) {
		z.MoveTo(float32(x0)+dx, float32(y0)+dy)
		z.LineTo(float32(x1)+dx, float32(y0)+dy)
		z.LineTo(float32(x1)+dx, float32(y1)+dy)
		z.LineTo(float32(x0)+dx, float32(y1)+dy)
		z.ClosePath()
	})
}

func (c *rasterCanvas) polygon(pts [][2]float64, col rgb) {
	b := image.Rectangle{}
	for i, p := range pts {
		r := box(c.px(p[0]), c.px(p[1]), c.px(p[0]), c.px(p[1]))
		if i == 0 {
			b = r
		} else {
			b = b.Union(r)
		}
	}
	c.fill(b, col, func(z *vector.Rasterizer, dx, dy float32) {
		for i, p := range pts {
			x, y := float32(c.px(p[0]))+dx, float32(c.px(p[1]))+dy
			if i == 0 {
				z.MoveTo(x, y)
			} else {
				z.LineTo(x, y)
			}
		}
		z.ClosePath()
	})
}

func (c *rasterCanvas) image(key string, data []byte, cx, cy, w, h float64) error {
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		return fmt.Errorf("pdf: image %s: %w", key, err)
	}
	iw, ih := float64(img.Bounds().Dx()), float64(img.Bounds().Dy())
	s := min(c.px(w)/iw, c.px(h)/ih)
	dw, dh := iw*s, ih*s
	dst := image.Rect(int(c.px(cx)-dw/2), int(c.px(cy)-dh/2), int(c.px(cx)+dw/2), int(c.px(cy)+dh/2))
	draw.CatmullRom.Scale(c.img, dst, img, img.Bounds(), draw.Over, nil)
	return nil
}

func (c *rasterCanvas) qr(code *goqr.QrCode, x, y, module float64) {
	n := code.Size()
	for row := range n {
		for col := 0; col < n; {
			if !code.Module(col, row) {
				col++
				continue
			}
			start := col
			for col < n && code.Module(col, row) {
				col++
			}
			c.fillRectPx(c.px(x+float64(start)*module), c.px(y+float64(row)*module), c.px(x+float64(col)*module), c.px(y+float64(row+1)*module), rgb{0, 0, 0})
		}
	}
}

func (c *rasterCanvas) shared(_ string, draw func() error) error { return draw() }

// Picture writes c as a PNG pictureW pixels wide: the certificate as its
// PDF lays it out, then a panel with its QR code large, the serial and
// how to check it.
func (r *Renderer) Picture(ctx context.Context, w io.Writer, c Certificate, st Style) error {
	if err := r.validate([]Certificate{c}, st); err != nil {
		return err
	}
	code, err := codeOf(c)
	if err != nil {
		return err
	}
	img := image.NewRGBA(image.Rect(0, 0, pictureW, pictureH))
	draw.Draw(img, img.Bounds(), image.NewUniform(color.RGBA{247, 244, 236, 255}), image.Point{}, draw.Src)
	cv := &rasterCanvas{r: r, img: img, scale: pictureW / pageW}
	cv.fillRect(0, 0, pageW, pageH, white)
	if err := drawCertificate(cv, r, c, st, code, lineCache{}); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}

	// The panel, in millimetres of the same scale: the page is pageH tall.
	panelH := float64(pictureH)/cv.scale - pageH
	mid := pageH + panelH/2
	cv.line(centerX-60, pageH+9, centerX+60, pageH+9, 0.4, gold)
	if code != nil {
		side := pictureQR / cv.scale
		// Whole pixels a module, so the screen shows sharp modules.
		module := math.Floor(pictureQR/float64(code.Size()+2*quietZone)) / cv.scale
		full := module * float64(code.Size()+2*quietZone)
		top := mid - side/2 - 4
		cv.fillRect(centerX-full/2, top, full, full, white)
		cv.qr(code, centerX-full/2+module*quietZone, top+module*quietZone, module)
		centerFit(cv, r, labelScanZH+" "+labelScanEN, 13, 200, centerX, top+full+11, ink)
	}
	centerFit(cv, r, c.Serial, 10, 200, centerX, pageH+panelH-9, soft)

	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return err
	}
	_, err = w.Write(buf.Bytes())
	return err
}
