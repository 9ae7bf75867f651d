package pdf

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// The tests read PDFs back with poppler-utils and zbar-tools (APT_TEST in
// the Makefile). A missing tool fails the test: nothing is skipped.
func tool(t testing.TB, name, pkg string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		t.Fatalf("%s is not installed: apt-get install %s (make deps-test does)", name, pkg)
	}
	return p
}

func run(t testing.TB, name, pkg string, args ...string) []byte {
	t.Helper()
	// stdout only: zbarimg complains about D-Bus on stderr.
	var stderr bytes.Buffer
	cmd := exec.Command(tool(t, name, pkg), args...)
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s%s", name, strings.Join(args, " "), err, out, stderr.Bytes())
	}
	return out
}

func writeTemp(t testing.TB, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// pdfText returns the text of a PDF with all white space removed, so text
// wrapped over lines compares equal to the text given.
func pdfText(t testing.TB, pdf []byte) string {
	t.Helper()
	out := run(t, "pdftotext", "poppler-utils", "-enc", "UTF-8", writeTemp(t, "doc.pdf", pdf), "-")
	return strings.Join(strings.Fields(string(out)), "")
}

func squash(s string) string { return strings.Join(strings.Fields(s), "") }

func pageCount(t testing.TB, pdf []byte) int {
	t.Helper()
	out := run(t, "pdfinfo", "poppler-utils", writeTemp(t, "doc.pdf", pdf))
	for _, line := range strings.Split(string(out), "\n") {
		if v, ok := strings.CutPrefix(line, "Pages:"); ok {
			n, err := strconv.Atoi(strings.TrimSpace(v))
			if err != nil {
				t.Fatal(err)
			}
			return n
		}
	}
	t.Fatalf("pdfinfo printed no page count:\n%s", out)
	return 0
}

// pagePNGs renders every page at dpi and returns the PNG files.
func pagePNGs(t testing.TB, pdf []byte, dpi int) []string {
	t.Helper()
	dir := t.TempDir()
	in := filepath.Join(dir, "doc.pdf")
	if err := os.WriteFile(in, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	run(t, "pdftoppm", "poppler-utils", "-r", strconv.Itoa(dpi), "-png", in, filepath.Join(dir, "page"))
	pages, err := filepath.Glob(filepath.Join(dir, "page-*.png"))
	if err != nil || len(pages) == 0 {
		t.Fatalf("pdftoppm made no pages: %v", err)
	}
	return pages
}

// inked returns the share of a PNG's pixels that are not near white.
func inked(t testing.TB, path string) float64 {
	t.Helper()
	img := readPNG(t, path)
	b := img.Bounds()
	dark := 0
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			if r+g+bl < 3*0xE000 {
				dark++
			}
		}
	}
	return float64(dark) / float64(b.Dx()*b.Dy())
}

// qrCodes decodes the QR codes on a rendered page with zbarimg.
func qrCodes(t testing.TB, pngPath string) []string {
	t.Helper()
	out := run(t, "zbarimg", "zbar-tools", "-q", "--raw", pngPath)
	return strings.Fields(string(out))
}

// savePDF keeps a copy in $PDF_SAMPLES when it is set, to look at.
func savePDF(t testing.TB, name string, pdf []byte) {
	t.Helper()
	dir := os.Getenv("PDF_SAMPLES")
	if dir == "" {
		return
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name), pdf, 0o644); err != nil {
		t.Fatal(err)
	}
}
