package sign

import (
	"bytes"
	"errors"
	"image"
	"image/color"
	"image/draw"
	"image/jpeg"
	"image/png"
	"math"
	"runtime"
	"testing"

	"acedesk/app"

	"github.com/boombuler/barcode"
	"github.com/boombuler/barcode/qr"
	xdraw "golang.org/x/image/draw"
	"golang.org/x/image/math/f64"
)

// qrImage renders text as a QR code of px pixels a module with a 4-module
// quiet zone, as the certificate renderer prints it.
func qrImage(t *testing.T, text string, px int) image.Image {
	t.Helper()
	code, err := qr.Encode(text, qr.M, qr.Auto)
	if err != nil {
		t.Fatal(err)
	}
	n := code.Bounds().Dx()
	code, err = barcode.Scale(code, n*px, n*px)
	if err != nil {
		t.Fatal(err)
	}
	margin := 4 * px
	out := image.NewGray(image.Rect(0, 0, n*px+2*margin, n*px+2*margin))
	draw.Draw(out, out.Bounds(), image.White, image.Point{}, draw.Src)
	draw.Draw(out, code.Bounds().Add(image.Pt(margin, margin)), code, image.Point{}, draw.Src)
	return out
}

// transformed rotates src by deg degrees and scales it by k about its
// centre, on a white canvas big enough to hold it.
func transformed(src image.Image, deg, k float64) image.Image {
	b := src.Bounds()
	side := int(float64(b.Dx()) * k * 1.5)
	dst := image.NewRGBA(image.Rect(0, 0, side, side))
	draw.Draw(dst, dst.Bounds(), image.White, image.Point{}, draw.Src)
	sin, cos := math.Sincos(deg * math.Pi / 180)
	cx, cy := float64(b.Dx())/2, float64(b.Dy())/2
	c := float64(side) / 2
	// dst = c + k·R·(src − centre)
	m := f64.Aff3{k * cos, -k * sin, c - k*(cos*cx-sin*cy), k * sin, k * cos, c - k*(sin*cx+cos*cy)}
	xdraw.CatmullRom.Transform(dst, m, src, b, xdraw.Over, nil)
	return dst
}

func encode(t *testing.T, img image.Image, asJPEG bool) []byte {
	t.Helper()
	var buf bytes.Buffer
	var err error
	if asJPEG {
		err = jpeg.Encode(&buf, img, &jpeg.Options{Quality: 80})
	} else {
		err = png.Encode(&buf, img)
	}
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestPayloadsFromImage(t *testing.T) {
	payload := mustSign(t, typical(), testKey(0))
	tests := []struct {
		name   string
		img    image.Image
		asJPEG bool
	}{
		{"PNG as printed", qrImage(t, payload, 4), false},
		{"rotated 90 degrees", transformed(qrImage(t, payload, 4), 90, 1), false},
		{"tilted 12 degrees and scaled 1.7 times, JPEG", transformed(qrImage(t, payload, 4), 12, 1.7), true},
		{"scaled down to 3.6 pixels a module", transformed(qrImage(t, payload, 4), 0, 0.9), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := PayloadsFromImage(bytes.NewReader(encode(t, tt.img, tt.asJPEG)))
			if err != nil {
				t.Fatalf("PayloadsFromImage: %v", err)
			}
			if len(got) != 1 || got[0] != payload {
				t.Fatalf("got %q, want [%q]", got, payload)
			}
		})
	}
}

func TestPayloadsFromImageWithoutCode(t *testing.T) {
	blank := image.NewGray(image.Rect(0, 0, 300, 200))
	draw.Draw(blank, blank.Bounds(), image.NewUniform(color.Gray{Y: 230}), image.Point{}, draw.Src)
	_, err := PayloadsFromImage(bytes.NewReader(encode(t, blank, false)))
	if !errors.Is(err, ErrNoPayload) {
		t.Errorf("blank image: got %v, want ErrNoPayload", err)
	}
	// A 10000×10000 PNG compresses to a few kilobytes.
	var huge bytes.Buffer
	if err := png.Encode(&huge, image.NewGray(image.Rect(0, 0, 10000, 10000))); err != nil {
		t.Fatal(err)
	}
	if _, err := PayloadsFromImage(&huge); !errors.Is(err, ErrImageTooLarge) {
		t.Errorf("huge image: got %v, want ErrImageTooLarge", err)
	}
	_, err = PayloadsFromImage(bytes.NewReader([]byte("%PDF-1.4 not an image")))
	if err == nil || errors.Is(err, ErrNoPayload) {
		t.Errorf("not an image: got %v, want a decoding error", err)
	}
}

// TestALargePhotoIsScaledDownBeforeItIsRead: a photo above scanPixels is
// read at a whole fraction of its size, and still gives its code.
func TestALargePhotoIsScaledDownBeforeItIsRead(t *testing.T) {
	payload := mustSign(t, typical(), testKey(0))
	code := qrImage(t, payload, 16)
	photo := image.NewRGBA(image.Rect(0, 0, 3000, 2000))
	draw.Draw(photo, photo.Bounds(), image.NewUniform(color.RGBA{R: 200, G: 190, B: 180, A: 255}), image.Point{}, draw.Src)
	draw.Draw(photo, code.Bounds().Add(image.Pt(900, 400)), code, image.Point{}, draw.Src)
	for _, asJPEG := range []bool{false, true} {
		got, err := PayloadsFromImage(bytes.NewReader(encode(t, photo, asJPEG)))
		if err != nil || len(got) != 1 || got[0] != payload {
			t.Errorf("a 6-megapixel photo (JPEG %v): %q, %v", asJPEG, got, err)
		}
	}
}

// TestAtMostTwoImagesAreDecodedAtOnce: with every decode slot taken, up
// to MaxWaiting callers wait and the next is refused at once; the waiting
// ones go on once slots are free.
func TestAtMostTwoImagesAreDecodedAtOnce(t *testing.T) {
	var releases []func()
	for range DecodeSlots {
		release, err := takeSlot()
		if err != nil {
			t.Fatal(err)
		}
		releases = append(releases, release)
	}
	payload := mustSign(t, typical(), testKey(0))
	photo := encode(t, qrImage(t, payload, 4), false)
	done := make(chan error, MaxWaiting)
	for range MaxWaiting {
		go func() {
			got, err := PayloadsFromImage(bytes.NewReader(photo))
			if err == nil && (len(got) != 1 || got[0] != payload) {
				err = errors.New("wrong payload")
			}
			done <- err
		}()
	}
	for waiting.Load() < MaxWaiting {
		runtime.Gosched()
	}
	if _, err := PayloadsFromImage(bytes.NewReader(photo)); !errors.Is(err, app.ErrImagesBusy) {
		t.Errorf("one more while %d wait: %v, want ErrImagesBusy", MaxWaiting, err)
	}
	for _, release := range releases {
		release()
	}
	for range MaxWaiting {
		if err := <-done; err != nil {
			t.Errorf("a waiting caller: %v", err)
		}
	}
}
