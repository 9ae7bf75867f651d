package sign

import (
	"bytes"
	"fmt"
	"image"
	_ "image/jpeg" // decode JPEG photos and scans
	_ "image/png"
	"io"

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
	if cfg.Width*cfg.Height > MaxPixels {
		return nil, fmt.Errorf("%w: %d×%d pixels, at most %d million", ErrImageTooLarge, cfg.Width, cfg.Height, MaxPixels/1_000_000)
	}
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("not a PNG or JPEG image: %w", err)
	}
	results, err := decode(img)
	if err != nil {
		return nil, err
	}
	if len(results) == 0 && img.Bounds().Dx()*img.Bounds().Dy()*4 <= MaxPixels {
		// A scan at 150 dpi gives a certificate's code three pixels a
		// module, and smoothing blurs them together; twice the size,
		// interpolated, the binarizer finds their edges again.
		b := img.Bounds()
		big := image.NewGray(image.Rect(0, 0, 2*b.Dx(), 2*b.Dy()))
		xdraw.BiLinear.Scale(big, big.Bounds(), img, b, xdraw.Src, nil)
		if results, err = decode(big); err != nil {
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

// decode finds the QR codes in img; none is no error.
func decode(img image.Image) ([]*gozxing.Result, error) {
	bmp, err := gozxing.NewBinaryBitmapFromImage(img)
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
