package pdf

import (
	"bytes"
	"fmt"
	"io"

	"github.com/jung-kurt/gofpdf"
)

// newDoc starts an A4 document ("P" portrait, "L" landscape) set in the
// given font subset. Layouts place everything themselves: no margins, no
// automatic page breaks.
func (r *Renderer) newDoc(orientation string, font []byte) (*gofpdf.Fpdf, error) {
	f := gofpdf.New(orientation, "mm", "A4", "")
	f.SetMargins(0, 0, 0)
	f.SetAutoPageBreak(false, 0)
	f.SetCreator("ACE Desk", true)
	f.SetProducer("ACE Desk", true)
	f.SetCatalogSort(true)
	// Streams are compressed afterwards, on all cores (see compress.go).
	f.SetCompression(false)
	// gofpdf writes into the font bytes: each document gets its own copy.
	f.AddUTF8FontFromBytes(family, "", append([]byte(nil), font...))
	// A bad font shows only here, not when it is added.
	f.SetFont(family, "", 12)
	if err := f.Error(); err != nil {
		return nil, fmt.Errorf("pdf: load font: %w", err)
	}
	return f, nil
}

// draw runs fn on a fresh document and returns what it drew, read back
// uncompressed. gofpdf panics on some input (a character above U+FFFF, an
// odd image): a panic becomes an error.
func (r *Renderer) draw(orientation string, font []byte, fn func(f *gofpdf.Fpdf) error) (d *drawn, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("pdf: render: %v", p)
		}
	}()
	f, err := r.newDoc(orientation, font)
	if err != nil {
		return nil, err
	}
	if err := fn(f); err != nil {
		return nil, err
	}
	if err := f.Error(); err != nil {
		return nil, fmt.Errorf("pdf: render: %w", err)
	}
	var buf bytes.Buffer
	if err := f.Output(&buf); err != nil {
		return nil, fmt.Errorf("pdf: render: %w", err)
	}
	return readDrawn(buf.Bytes())
}

// render runs fn on a fresh document and writes it to w, compressed. On an
// error w receives nothing.
func (r *Renderer) render(w io.Writer, orientation string, font []byte, fn func(f *gofpdf.Fpdf) error) error {
	d, err := r.draw(orientation, font, fn)
	if err != nil {
		return err
	}
	out, err := joinDrawn([]*drawn{d}, d.objs[d.info].dict)
	if err != nil {
		return err
	}
	_, err = w.Write(out)
	return err
}
