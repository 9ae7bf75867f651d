package pdf

import (
	"bytes"
	"context"
	"io"
	"runtime"
	"strings"
	"sync"

	"github.com/boombuler/barcode"
	"github.com/jung-kurt/gofpdf"
)

// Progress is told how many of total items are done; it may be nil.
type Progress func(done, total int)

// fontFor checks a batch and cuts its font subset.
func (r *Renderer) fontFor(certs []Certificate, st Style) ([]byte, error) {
	if err := r.validate(certs, st); err != nil {
		return nil, err
	}
	texts := append(labels(), st.texts()...)
	for _, c := range certs {
		texts = append(texts, c.texts()...)
	}
	return r.subset(texts)
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
	payloads := make([]string, len(certs))
	for i, c := range certs {
		payloads[i] = c.QR
	}
	codes := encodeQRs(ctx, payloads)
	return r.render(w, "L", font, func(f *gofpdf.Fpdf) error {
		keywords := make([]string, 0, len(certs))
		for i, c := range certs {
			var qr encoded
			select {
			case qr = <-codes[i]:
			case <-ctx.Done():
				return ctx.Err()
			}
			if qr.err != nil {
				return qr.err
			}
			if err := certificatePage(f, c, st, qr.code); err != nil {
				return err
			}
			if c.QR != "" {
				keywords = append(keywords, payloadMarker+c.QR)
			}
			if progress != nil {
				progress(i+1, len(certs))
			}
		}
		setMeta(f, certs, keywords)
		return nil
	})
}

// EachCertificate renders every certificate as a PDF of its own and hands
// it to fn, in order and from the calling goroutine. The batch shares one
// font subset; the documents are rendered in parallel on all cores. It
// stops at the first error, from rendering or from fn, and with ctx.Err()
// when ctx is cancelled.
func (r *Renderer) EachCertificate(ctx context.Context, certs []Certificate, st Style, progress Progress, fn func(i int, pdf []byte) error) error {
	font, err := r.fontFor(certs, st)
	if err != nil {
		return err
	}
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
	workers := min(runtime.GOMAXPROCS(0), len(certs))
	// window bounds how far the workers run ahead of fn, and so the memory.
	window := make(chan struct{}, 4*workers)
	jobs := make(chan int)
	var wg sync.WaitGroup
	defer wg.Wait()
	go func() {
		defer close(jobs)
		for i := range certs {
			select {
			case window <- struct{}{}:
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				var buf bytes.Buffer
				err := r.render(&buf, "L", font, func(f *gofpdf.Fpdf) error {
					var code barcode.Barcode
					if certs[i].QR != "" {
						var err error
						if code, err = encodeQR(certs[i].QR); err != nil {
							return err
						}
					}
					if err := certificatePage(f, certs[i], st, code); err != nil {
						return err
					}
					var keywords []string
					if certs[i].QR != "" {
						keywords = []string{payloadMarker + certs[i].QR}
					}
					setMeta(f, certs[i:i+1], keywords)
					return nil
				})
				results[i] <- result{buf.Bytes(), err}
			}
		}()
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
		<-window
		if progress != nil {
			progress(i+1, len(certs))
		}
	}
	return nil
}

// setMeta fills the document information; the Keywords carry the QR
// payloads (see payload.go).
func setMeta(f *gofpdf.Fpdf, certs []Certificate, keywords []string) {
	if len(certs) == 1 {
		h := headings[certs[0].Kind]
		f.SetTitle(h[0]+" "+certs[0].Name+" "+certs[0].Serial, true)
	} else {
		f.SetTitle("ACE Desk", true)
	}
	f.SetKeywords(strings.Join(keywords, " "), false)
}
