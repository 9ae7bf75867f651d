package sign

import (
	"bytes"
	"fmt"
	"image"
	_ "image/jpeg" // decode JPEG photos and scans
	_ "image/png"
	"io"
	"sync/atomic"

	"acedesk/app"

	"github.com/makiuchi-d/gozxing"
	multiqr "github.com/makiuchi-d/gozxing/multi/qrcode"
	"github.com/makiuchi-d/gozxing/qrcode"
	xdraw "golang.org/x/image/draw"
)

// MaxPixels bounds the images PayloadsFromImage decodes.
const MaxPixels = app.MaxImagePixels

// ErrImageTooLarge means the image has more than MaxPixels pixels.
var ErrImageTooLarge = app.ErrImageTooLarge

// Decoding an image costs memory in proportion to its pixels, whoever
// sends it: the public check page takes photos from anyone on the LAN. So
// the whole process decodes at most DecodeSlots images at a time; up to
// MaxWaiting more wait for a slot, and any beyond are refused at once
// (ErrImagesBusy) rather than queued without end.
const (
	DecodeSlots = 2
	MaxWaiting  = 8
)

var (
	decodeSlots = make(chan struct{}, DecodeSlots)
	waiting     atomic.Int32
)

// takeSlot waits for a decode slot, or refuses when too many wait.
func takeSlot() (release func(), err error) {
	select {
	case decodeSlots <- struct{}{}:
	default:
		if waiting.Add(1) > MaxWaiting {
			waiting.Add(-1)
			return nil, app.ErrImagesBusy
		}
		decodeSlots <- struct{}{}
		waiting.Add(-1)
	}
	return func() { <-decodeSlots }, nil
}

// scanPixels is the size the QR reader works on: a photo above it is
// scaled down by a whole factor first. A certificate's QR code fills a
// good part of a photo of it, so it keeps several pixels a module.
const scanPixels = 4_000_000

// PayloadsFromImage decodes the QR codes in a PNG or JPEG image and returns
// their texts, in the order found, without repeats. The texts are not
// checked: pass them to Verify. An image without a QR code gives
// ErrNoPayload.
func PayloadsFromImage(r io.Reader) ([]string, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	// A small file can declare a huge image: check before decoding it.
	cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("not a PNG or JPEG image: %w", err)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 || cfg.Width > MaxPixels || cfg.Height > MaxPixels || cfg.Width*cfg.Height > MaxPixels {
		return nil, fmt.Errorf("%w: %d×%d pixels, at most %d million", ErrImageTooLarge, cfg.Width, cfg.Height, MaxPixels/1_000_000)
	}
	release, err := takeSlot()
	if err != nil {
		return nil, err
	}
	defer release()
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("not a PNG or JPEG image: %w", err)
	}
	return decodeImage(img)
}

// decodeImage reads the QR codes of a decoded image.
func decodeImage(img image.Image) ([]string, error) {
	results, err := decode(img, scanPixels)
	if err != nil {
		return nil, err
	}
	pixels := img.Bounds().Dx() * img.Bounds().Dy()
	if len(results) == 0 && pixels > scanPixels {
		// A photo just above scanPixels loses half its resolution to the
		// first pass: a code of small modules needs them all.
		if results, err = decode(img, MaxPixels); err != nil {
			return nil, err
		}
	}
	if len(results) == 0 && pixels*4 <= MaxPixels {
		// A scan at 150 dpi gives a certificate's code three pixels a
		// module, and smoothing blurs them together; twice the size,
		// interpolated, the binarizer finds their edges again.
		b := img.Bounds()
		big := image.NewGray(image.Rect(0, 0, 2*b.Dx(), 2*b.Dy()))
		xdraw.BiLinear.Scale(big, big.Bounds(), img, b, xdraw.Src, nil)
		if results, err = decode(big, MaxPixels); err != nil {
			return nil, err
		}
	}
	if len(results) == 0 {
		// A code too damaged to read counts as none: the user retakes
		// the photo either way.
		return nil, ErrNoPayload
	}
	var out []string
	seen := map[string]bool{}
	for _, res := range results {
		if t := res.GetText(); !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	return out, nil
}

// luminance is img's brightness for the QR reader, averaged over blocks of
// factor×factor pixels when img is larger than limit pixels. A JPEG's Y
// plane is its brightness already; other images go through their colours.
func luminance(img image.Image, limit int) gozxing.LuminanceSource {
	b := img.Bounds()
	factor := 1
	for (b.Dx()/factor)*(b.Dy()/factor) > limit {
		factor++
	}
	w, h := b.Dx()/factor, b.Dy()/factor
	gray := make([]byte, w*h)
	ycc, isYCC := img.(*image.YCbCr)
	for y := range h {
		for x := range w {
			sum := 0
			for dy := range factor {
				for dx := range factor {
					px, py := b.Min.X+x*factor+dx, b.Min.Y+y*factor+dy
					if isYCC {
						sum += int(ycc.Y[ycc.YOffset(px, py)])
						continue
					}
					// As gozxing reads an image: green counts twice, and
					// what is transparent is white paper.
					r, g, bl, a := img.At(px, py).RGBA()
					lum := (r + 2*g + bl) * 255 / (4 * 0xffff)
					sum += int((lum*a + (0xffff-a)*255) / 0xffff)
				}
			}
			gray[y*w+x] = byte(sum / (factor * factor))
		}
	}
	src, _ := gozxing.NewPlanarYUVLuminanceSource(gray, w, h, 0, 0, w, h, false)
	return src
}

// decode finds the QR codes in img, scanned at no more than limit
// pixels; none is no error.
func decode(img image.Image, limit int) ([]*gozxing.Result, error) {
	bmp, err := gozxing.NewBinaryBitmap(gozxing.NewHybridBinarizer(luminance(img, limit)))
	if err != nil {
		return nil, fmt.Errorf("read image: %w", err)
	}
	hints := map[gozxing.DecodeHintType]any{gozxing.DecodeHintType_TRY_HARDER: true}
	results, err := multiqr.NewQRCodeMultiReader().DecodeMultiple(bmp, hints)
	if err == nil && len(results) > 0 {
		return results, nil
	}
	// The multi reader misses some codes the single reader finds (a code
	// filling the image, or tilted).
	if res, err := qrcode.NewQRCodeReader().Decode(bmp, hints); err == nil {
		return []*gozxing.Result{res}, nil
	}
	return nil, nil
}
