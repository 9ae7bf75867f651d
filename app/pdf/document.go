package pdf

import (
	"bytes"
	"fmt"
	"io"

	"github.com/jung-kurt/gofpdf"
)

// doc is a gofpdf document set in a batch's font subset. Its Text and
// GetStringWidth take text as it is: characters beyond U+FFFF are handed
// to gofpdf as the codes that stand in for them.
type doc struct {
	*gofpdf.Fpdf
	sub *subset
}

func (d *doc) Text(x, y float64, s string) { d.Fpdf.Text(x, y, d.sub.bmp(s)) }

func (d *doc) GetStringWidth(s string) float64 { return d.Fpdf.GetStringWidth(d.sub.bmp(s)) }

// newDoc starts an A4 document ("P" portrait, "L" landscape) set in the
// given font subset. Layouts place everything themselves: no margins, no
// automatic page breaks.
func (r *Renderer) newDoc(orientation string, sub *subset) (*doc, error) {
	f := gofpdf.New(orientation, "mm", "A4", "")
	f.SetMargins(0, 0, 0)
	f.SetAutoPageBreak(false, 0)
	f.SetCreator("ACE Desk", true)
	f.SetProducer("ACE Desk", true)
	f.SetCatalogSort(true)
	// Streams are compressed afterwards, on all cores (see compress.go).
	f.SetCompression(false)
	// gofpdf writes into the font bytes: each document gets its own copy.
	f.AddUTF8FontFromBytes(family, "", append([]byte(nil), sub.font...))
	// A bad font shows only here, not when it is added.
	f.SetFont(family, "", 12)
	if err := f.Error(); err != nil {
		return nil, fmt.Errorf("pdf: load font: %w", err)
	}
	return &doc{Fpdf: f, sub: sub}, nil
}

// draw runs fn on a fresh document and returns what it drew, read back
// uncompressed, with the font's ToUnicode map written for its subset.
// gofpdf panics on some input (an odd image): a panic becomes an error.
func (r *Renderer) draw(orientation string, sub *subset, fn func(f *doc) error) (d *drawn, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("pdf: render: %v", p)
		}
	}()
	f, err := r.newDoc(orientation, sub)
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
	d, err = readDrawn(buf.Bytes())
	if err != nil {
		return nil, err
	}
	return d, d.setToUnicode(sub.toUnicode())
}

// render runs fn on a fresh document and writes it to w, compressed. On an
// error w receives nothing.
func (r *Renderer) render(w io.Writer, orientation string, sub *subset, fn func(f *doc) error) error {
	d, err := r.draw(orientation, sub, fn)
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
