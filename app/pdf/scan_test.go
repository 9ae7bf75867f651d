package pdf

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"acedesk/app/sign"
)

// magick runs ImageMagick's convert (Debian's imagemagick: the convert
// first on the PATH may be a stand-in).
func magick(t testing.TB, args ...string) {
	t.Helper()
	const convert = "/usr/bin/convert"
	if _, err := os.Stat(convert); err != nil {
		t.Fatalf("%s is missing: apt-get install imagemagick (make deps-test does)", convert)
	}
	run(t, convert, "imagemagick", args...)
}

// decoded is what ACE Desk's own reader (acedesk verify, the Verify page,
// the phone's check page) reads from an image file.
func decoded(t testing.TB, path string) []string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	got, err := sign.PayloadsFromImage(bytes.NewReader(data))
	if err != nil {
		return nil
	}
	return got
}

// The code on paper reads back as people get it to ACE Desk: a page
// scanned at 150 dpi and smoothed, and a phone's photo of the printed page
// at an angle (turned, in perspective, blurred, noisy, JPEG).
func TestQRReadsFromAScanAndAPhoto(t *testing.T) {
	r := newRenderer(t)
	var buf bytes.Buffer
	if err := r.Certificates(t.Context(), &buf, samples, style, nil); err != nil {
		t.Fatal(err)
	}
	scans, shots := pagePNGs(t, buf.Bytes(), 150), pagePNGs(t, buf.Bytes(), 200)
	dir := t.TempDir()
	for i, page := range scans {
		want := []string{samples[i].QR}
		scan := filepath.Join(dir, "scan.png")
		magick(t, page, "-colorspace", "Gray", "-blur", "0x1", scan)
		if got := decoded(t, scan); !slices.Equal(got, want) {
			t.Errorf("page %d, scanned at 150 dpi and smoothed: read %q, want %q", i+1, got, want)
		}
		// A phone's 12 megapixels hold an A4 page at well over 200 dpi.
		// The third sample's talk title is 60 characters long: its code
		// (version 19, modules of 0.45 mm) is beyond such a photo, as
		// zbarimg finds too; typical codes are version 11 or 12.
		if code, _ := encodeQR(samples[i].QR); code.Size() > 65 {
			continue
		}
		photo := filepath.Join(dir, "photo.jpg")
		magick(t, shots[i], "-background", "#cfc8bb", "-rotate", "6",
			"-distort", "Perspective", "0,0 50,40  2339,0 2260,100  0,1654 30,1600  2339,1654 2339,1654",
			"-blur", "0x1.2", "-seed", "1", "-attenuate", "0.5", "+noise", "Gaussian", "-quality", "65", photo)
		if got := decoded(t, photo); !slices.Equal(got, want) {
			t.Errorf("page %d, photographed at an angle: read %q, want %q", i+1, got, want)
		}
	}
}

// The picture's code reads from another phone's screen: the picture shown
// smaller, photographed askew, blurred and compressed.
func TestPictureQRReadsFromAScreen(t *testing.T) {
	r := newRenderer(t)
	dir := t.TempDir()
	for _, c := range samples {
		var buf bytes.Buffer
		if err := r.Picture(t.Context(), &buf, c, style); err != nil {
			t.Fatal(err)
		}
		pic := writeTemp(t, "picture.png", buf.Bytes())
		shot := filepath.Join(dir, "screen.jpg")
		magick(t, pic, "-resize", "55%", "-background", "#202020", "-rotate", "-4", "-blur", "0x1", "-seed", "1", "-attenuate", "0.4",
			"+noise", "Gaussian", "-quality", "60", shot)
		if got, want := decoded(t, shot), []string{c.QR}; !slices.Equal(got, want) {
			t.Errorf("%s: read %q from a photo of the screen, want %q", c.Serial, got, want)
		}
	}
}
