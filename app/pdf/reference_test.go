package pdf

import (
	"bytes"
	"flag"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/image/draw"
)

// -update writes the reference images anew from what the layout draws now:
// go test ./app/pdf -run Reference -update, then look at them.
var update = flag.Bool("update", false, "write the reference images of TestLayoutMatchesReference")

// The references are grey at 100 dpi (a certificate page is then about
// 60 KB), enough to see any change of layout.
const referenceDPI = 100

// TestLayoutMatchesReference renders each kind of certificate, and the
// picture to share, and compares them with the checked-in images: a change
// of layout shows as a failure here, with the image it drew to look at.
func TestLayoutMatchesReference(t *testing.T) {
	r := newRenderer(t)
	var buf bytes.Buffer
	if err := r.Certificates(t.Context(), &buf, samples, style, nil); err != nil {
		t.Fatal(err)
	}
	renders := map[string]image.Image{}
	for i, page := range pagePNGs(t, buf.Bytes(), referenceDPI) {
		renders[samples[i].Kind+".png"] = readPNG(t, page)
	}
	buf.Reset()
	if err := r.Picture(t.Context(), &buf, honor, style); err != nil {
		t.Fatal(err)
	}
	pic, err := png.Decode(&buf)
	if err != nil {
		t.Fatal(err)
	}
	// Half size is enough to see the picture's layout.
	half := image.NewGray(image.Rect(0, 0, pictureW/2, pictureH/2))
	draw.CatmullRom.Scale(half, half.Bounds(), pic, pic.Bounds(), draw.Src, nil)
	renders["picture.png"] = half

	for name, got := range renders {
		path := filepath.Join("testdata", "reference", name)
		gray := toGray(got)
		if *update {
			writePNG(t, path, gray)
			continue
		}
		want := toGray(readPNG(t, path))
		meanDiff, changed := compare(gray, want)
		// Anti-aliasing may differ by a level here and there; a moved
		// line or word changes thousands of pixels.
		if meanDiff > 0.3 || changed > 0.0005 {
			out := filepath.Join(t.TempDir(), name)
			writePNG(t, out, gray)
			t.Errorf("%s differs from its reference: mean difference %.2f, %.2f%% of pixels changed; drawn now: %s (go test -run Reference -update to accept it)",
				name, meanDiff, 100*changed, out)
		}
	}
}

func readPNG(t testing.TB, path string) image.Image {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	return img
}

func writePNG(t testing.TB, path string, img image.Image) {
	t.Helper()
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func toGray(img image.Image) *image.Gray {
	if g, ok := img.(*image.Gray); ok {
		return g
	}
	b := img.Bounds()
	g := image.NewGray(image.Rect(0, 0, b.Dx(), b.Dy()))
	for y := 0; y < b.Dy(); y++ {
		for x := 0; x < b.Dx(); x++ {
			g.Set(x, y, color.GrayModel.Convert(img.At(b.Min.X+x, b.Min.Y+y)))
		}
	}
	return g
}

// compare returns the mean absolute difference of two grey images and
// the share of pixels that differ by more than a quarter of the range;
// images of different sizes differ entirely.
func compare(a, b *image.Gray) (mean, changed float64) {
	if a.Bounds() != b.Bounds() {
		return 255, 1
	}
	var sum, n int
	for i := range a.Pix {
		d := int(a.Pix[i]) - int(b.Pix[i])
		if d < 0 {
			d = -d
		}
		sum += d
		if d > 64 {
			n++
		}
	}
	return float64(sum) / float64(len(a.Pix)), float64(n) / float64(len(a.Pix))
}

// Nothing is printed within the safe margin of the trim: office printers
// cannot print there and a print shop's trim wanders. Checked on the
// rendered pages, so it holds whatever draws the ink.
func TestNothingPrintsInTheSafeMargin(t *testing.T) {
	r := newRenderer(t)
	var buf bytes.Buffer
	if err := r.Certificates(t.Context(), &buf, samples, style, nil); err != nil {
		t.Fatal(err)
	}
	const dpi = 100
	// Half a pixel of anti-aliasing is allowed at the margin's edge.
	margin := int(math.Floor(safeMargin/25.4*dpi)) - 1
	for i, page := range pagePNGs(t, buf.Bytes(), dpi) {
		g := toGray(readPNG(t, page))
		b := g.Bounds()
		for y := 0; y < b.Dy(); y++ {
			for x := 0; x < b.Dx(); x++ {
				inside := x >= margin && x < b.Dx()-margin && y >= margin && y < b.Dy()-margin
				if !inside && g.GrayAt(x, y).Y < 250 {
					t.Fatalf("page %d: ink at (%d, %d) px, %.1f mm from the edge", i+1, x, y, float64(min(x, y, b.Dx()-1-x, b.Dy()-1-y))*25.4/dpi)
				}
			}
		}
	}
}
