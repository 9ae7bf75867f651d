package pdf

import (
	"context"
	"io"
	"runtime"
	"strings"
	"sync"
)

// Progress is told how many of total items are done; it may be nil.
type Progress func(done, total int)

// fontFor checks a batch and cuts its font subset.
func (r *Renderer) fontFor(certs []Certificate, st Style) (*subset, error) {
	if err := r.validate(certs, st); err != nil {
		return nil, err
	}
	texts := append(labels(), st.texts()...)
	for _, c := range certs {
		texts = append(texts, c.texts()...)
	}
	return r.subset(texts)
}

// A batch is drawn in runs, each a gofpdf document of its own that pays
// once for loading the font and the images; runs are drawn on all cores.
const (
	// minJoinedRun keeps a short document in one run: each run adds a copy
	// of the font to the joined document.
	minJoinedRun = 40
	// separateRun is the run cut into separate one-page files. Longer runs
	// spread the font's cost thinner but hold more pages in memory and
	// start handing files out later.
	separateRun = 32
)

// title is the document title for certs: the certificate's own when alone.
func title(certs []Certificate) string {
	if len(certs) == 1 {
		h := headings[certs[0].Kind]
		return h[0] + " " + certs[0].Name + " " + certs[0].Serial
	}
	return "ACE Desk"
}

// keywords returns the Keywords for certs: their QR payloads (see
// payload.go).
func keywords(certs []Certificate) string {
	var kw []string
	for _, c := range certs {
		if c.QR != "" {
			kw = append(kw, payloadMarker+c.QR)
		}
	}
	return strings.Join(kw, " ")
}

// drawCertificates draws certs, a page each, as one uncompressed document
// and calls drew after each page. What pages share is drawn after them, on
// pages of its own that become forms (see makeForms). The first page shows
// every character of the font once, so that gofpdf, which embeds only the
// characters its own text calls showed, embeds them all; it is dropped. It
// stops with ctx.Err() when ctx ends.
func (r *Renderer) drawCertificates(ctx context.Context, font *subset, certs []Certificate, st Style, drew func()) (*drawn, error) {
	var cv *pdfCanvas
	d, err := r.draw("L", font, func(f *doc) error {
		cv = newPDFCanvas(f)
		f.AddPage()
		f.Fpdf.Text(0, -10, string(font.runes))
		lines := lineCache{}
		for _, c := range certs {
			if err := ctx.Err(); err != nil {
				return err
			}
			code, err := codeOf(c)
			if err != nil {
				return err
			}
			cv.beginPage()
			if err := drawCertificate(cv, r, c, st, code, lines); err != nil {
				return err
			}
			cv.endPage()
			if err := f.Error(); err != nil {
				return err
			}
			drew()
		}
		return cv.drawForms()
	})
	if err != nil {
		return nil, err
	}
	return d, d.makeForms(cv.formPages, []int{1})
}

// Certificates writes all certs to w as one PDF, a page each, in order.
// It stops with ctx.Err() when ctx is cancelled.
func (r *Renderer) Certificates(ctx context.Context, w io.Writer, certs []Certificate, st Style, progress Progress) error {
	font, err := r.fontFor(certs, st)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	n := max(1, min(runtime.GOMAXPROCS(0), len(certs)/minJoinedRun))
	parts := make([]*drawn, n)
	errs := make(chan error, n)
	// Each run reports its pages here; progress is told from this
	// goroutine.
	pages := make(chan struct{}, len(certs))
	for k := range n {
		from, to := k*len(certs)/n, (k+1)*len(certs)/n
		go func() {
			var err error
			parts[k], err = r.drawCertificates(ctx, font, certs[from:to], st, func() { pages <- struct{}{} })
			errs <- err
		}()
	}
	var first error
	done := 0
	tell := func() {
		done++
		if progress != nil && first == nil {
			progress(done, len(certs))
		}
	}
	for left := n; left > 0; {
		select {
		case <-pages:
			tell()
		case err := <-errs:
			left--
			if err != nil && first == nil {
				first = err
				cancel()
			}
		}
	}
	for len(pages) > 0 {
		<-pages
		tell()
	}
	if first != nil {
		return first
	}
	// progress may have cancelled the batch after the last page.
	if err := ctx.Err(); err != nil {
		return err
	}
	info, err := parts[0].infoDict(title(certs), keywords(certs))
	if err != nil {
		return err
	}
	out, err := joinDrawn(parts, info)
	if err != nil {
		return err
	}
	_, err = w.Write(out)
	return err
}

// EachCertificate renders every certificate as a PDF of its own and hands
// it to fn, in order and from the calling goroutine. The batch shares one
// font subset; runs of it are drawn as one document each, on all cores,
// and cut into one-page files, each with only the glyphs it shows. It
// stops at the first error, from rendering or from fn, and with ctx.Err()
// when ctx is cancelled.
func (r *Renderer) EachCertificate(ctx context.Context, certs []Certificate, st Style, progress Progress, fn func(i int, pdf []byte) error) error {
	font, err := r.fontFor(certs, st)
	if err != nil {
		return err
	}
	// The workers are waited for after the cancel, which is what stops
	// the producer when fn or a render fails with the window full.
	var wg sync.WaitGroup
	defer wg.Wait()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	type result struct {
		pdf []byte
		err error
	}
	results := make([]chan result, len(certs))
	for i := range results {
		results[i] = make(chan result, 1)
	}
	runs := (len(certs) + separateRun - 1) / separateRun
	workers := min(runtime.GOMAXPROCS(0), runs)
	// window bounds how many runs the workers get ahead of fn, and so the
	// memory.
	window := make(chan struct{}, 2*workers)
	jobs := make(chan int)
	go func() {
		defer close(jobs)
		for k := range runs {
			select {
			case window <- struct{}{}:
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- k:
			case <-ctx.Done():
				return
			}
		}
	}()
	for range workers {
		wg.Go(func() {
			for k := range jobs {
				from, to := k*separateRun, min((k+1)*separateRun, len(certs))
				d, err := r.drawCertificates(ctx, font, certs[from:to], st, func() {})
				var s *splitter
				if err == nil {
					s, err = newSplitter(d)
				}
				if err != nil {
					results[from] <- result{err: err}
					continue
				}
				for i := from; i < to && ctx.Err() == nil; i++ {
					pdf, err := s.page(i-from, title(certs[i:i+1]), keywords(certs[i:i+1]))
					results[i] <- result{pdf, err}
					if err != nil {
						break
					}
				}
			}
		})
	}

	for i := range certs {
		// A ready result must not win over a cancel that fn itself caused:
		// select picks at random between ready cases.
		if err := ctx.Err(); err != nil {
			return err
		}
		var res result
		select {
		case res = <-results[i]:
		case <-ctx.Done():
			return ctx.Err()
		}
		if res.err != nil {
			return res.err
		}
		if err := fn(i, res.pdf); err != nil {
			return err
		}
		if (i+1)%separateRun == 0 || i+1 == len(certs) {
			<-window
		}
		if progress != nil {
			progress(i+1, len(certs))
		}
	}
	return nil
}
