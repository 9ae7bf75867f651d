package pdf

import (
	"bytes"
	"context"
	"errors"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"acedesk/app"
	"acedesk/app/sign"
)

func TestCertificatesReadBack(t *testing.T) {
	r := newRenderer(t)
	var buf bytes.Buffer
	var progress []int
	err := r.Certificates(t.Context(), &buf, samples, style, func(done, total int) {
		progress = append(progress, done)
		if total != len(samples) {
			t.Errorf("progress total = %d, want %d", total, len(samples))
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	pdf := buf.Bytes()
	savePDF(t, "certificates.pdf", pdf)

	if got, want := progress, []int{1, 2, 3}; !slices.Equal(got, want) {
		t.Errorf("progress = %v, want %v", got, want)
	}
	if got, want := pageCount(t, pdf), len(samples); got != want {
		t.Errorf("pages = %d, want %d", got, want)
	}
	text := pdfText(t, pdf)
	for _, c := range samples {
		h := headings[c.Kind]
		for _, want := range []string{c.Serial, c.Name, c.NameLatin, unmarked(c.BodyZH), unmarked(c.BodyEN), c.Date,
			h[0], strings.ToUpper(h[1]), style.IssuerZH, style.IssuerEN, labelScanZH} {
			if !strings.Contains(text, squash(want)) {
				t.Errorf("certificate %s: text %q not found in the PDF", c.Serial, want)
			}
		}
	}
	if !strings.Contains(text, labelReprintZH) {
		t.Errorf("the reprint mark %q is missing", labelReprintZH)
	}
	gotPayloads, err := sign.PayloadsFromPDF(pdf)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{honor.QR, appointment.QR, thanks.QR}; !slices.Equal(gotPayloads, want) {
		t.Errorf("PayloadsFromPDF = %q, want %q", gotPayloads, want)
	}
	// verify reads the QR codes drawn on the pages, not the metadata: an
	// edited metadata entry changes nothing it reports.
	edited := bytes.Replace(pdf, []byte(payloadMarker+honor.QR), []byte(payloadMarker+thanks.QR), 1)
	for name, file := range map[string][]byte{"as written": pdf, "with edited metadata": edited} {
		codes, err := sign.CodesFromPDF(file)
		want := []app.PDFCode{{Payload: honor.QR, Printed: true}, {Payload: appointment.QR, Printed: true}, {Payload: thanks.QR, Printed: true}}
		if err != nil || !slices.Equal(codes, want) {
			t.Errorf("CodesFromPDF, %s = %v, %v; want the three printed codes", name, codes, err)
		}
	}

	// Every page has ink, and its QR code decodes to its payload.
	for i, page := range pagePNGs(t, pdf, 50) {
		if got := inked(t, page); got < 0.02 {
			t.Errorf("page %d: %.3f of it inked, looks blank", i+1, got)
		}
	}
	for i, page := range pagePNGs(t, pdf, 150) {
		if got, want := qrCodes(t, page), []string{samples[i].QR}; !slices.Equal(got, want) {
			t.Errorf("page %d: QR codes %q, want %q", i+1, got, want)
		}
	}
}

func TestEachCertificate(t *testing.T) {
	r := newRenderer(t)
	var got []string
	err := r.EachCertificate(t.Context(), samples, style, nil, func(i int, pdf []byte) error {
		if n := pageCount(t, pdf); n != 1 {
			t.Errorf("certificate %d: %d pages, want 1", i, n)
		}
		p, err := sign.PayloadsFromPDF(pdf)
		if err != nil {
			return err
		}
		got = append(got, p...)
		if text := pdfText(t, pdf); !strings.Contains(text, samples[i].Name) {
			t.Errorf("certificate %d: name %q not in the PDF", i, samples[i].Name)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{honor.QR, appointment.QR, thanks.QR}; !slices.Equal(got, want) {
		t.Errorf("payloads in order = %q, want %q", got, want)
	}
}

// Without a seal image nothing marks a place for one, and a signatory
// without a signature image has their name and title printed, with no
// line to sign on.
func TestNoPlaceholders(t *testing.T) {
	r := newRenderer(t)
	st := style
	st.Signatories = []Signatory{{Name: "王玥", TitleZH: "分会会长", TitleEN: "President"}, {TitleZH: "秘书长"}}
	var buf bytes.Buffer
	if err := r.Certificates(t.Context(), &buf, samples[:1], st, nil); err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, buf.Bytes())
	for _, absent := range []string{"盖章", "秘书长"} {
		if strings.Contains(text, absent) {
			t.Errorf("the page shows %q", absent)
		}
	}
	for _, present := range []string{"王玥", "分会会长", "President"} {
		if !strings.Contains(text, present) {
			t.Errorf("the page lacks the signatory's %q", present)
		}
	}
}

func TestCertificatesRefuse(t *testing.T) {
	r := newRenderer(t)
	with := func(change func(c *Certificate)) []Certificate {
		c := honor
		change(&c)
		return []Certificate{c}
	}
	tests := []struct {
		name  string
		certs []Certificate
		want  string
	}{
		{"beyond U+FFFF, lacking", with(func(c *Certificate) { c.Name = "张𪚥" }), "U+2A6A5"},
		{"a character the font lacks", with(func(c *Certificate) { c.BodyEN = "smile \u263A" }), "U+263A"},
		{"unknown kind", with(func(c *Certificate) { c.Kind = "medal" }), "unknown kind"},
		{"payload with a space", with(func(c *Certificate) { c.QR = "a b" }), "printable ASCII"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			err := r.Certificates(t.Context(), &buf, tt.certs, style, nil)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want one mentioning %q", err, tt.want)
			}
			if buf.Len() != 0 {
				t.Errorf("wrote %d bytes despite the error", buf.Len())
			}
		})
	}
}

func TestCancel(t *testing.T) {
	r := newRenderer(t)
	certs := slices.Repeat(samples, 20)
	ctx, cancel := context.WithCancel(t.Context())
	n := 0
	err := r.EachCertificate(ctx, certs, style, nil, func(i int, pdf []byte) error {
		n++
		if n == 3 {
			cancel()
		}
		return nil
	})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("EachCertificate err = %v, want context.Canceled", err)
	}
	if n != 3 {
		t.Errorf("fn ran %d times, want 3", n)
	}

	ctx, cancel = context.WithCancel(t.Context())
	var buf bytes.Buffer
	err = r.Certificates(ctx, &buf, certs, style, func(done, total int) {
		if done == 2 {
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Certificates err = %v, want context.Canceled", err)
	}
}

// Two batches at once share the Renderer; run with -race.
func TestConcurrentBatches(t *testing.T) {
	r := newRenderer(t)
	var wg sync.WaitGroup
	outs := make([][]byte, 2)
	errs := make([]error, 2)
	for i := range 2 {
		wg.Go(func() {
			var buf bytes.Buffer
			errs[i] = r.Certificates(t.Context(), &buf, samples, style, nil)
			if errs[i] == nil {
				errs[i] = r.EachCertificate(t.Context(), samples, style, nil, func(int, []byte) error { return nil })
			}
			outs[i] = buf.Bytes()
		})
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("batch %d: %v", i, err)
		}
		if got, want := pageCount(t, outs[i]), len(samples); got != want {
			t.Errorf("batch %d: %d pages, want %d", i, got, want)
		}
	}
}

func TestUnprintable(t *testing.T) {
	r := newRenderer(t)
	tests := []struct {
		in   string
		want []rune
	}{
		{"张喆 李堃 王玥 欧阳明昇 Zhang Zhe", nil},
		{"𠀀", []rune{0x20000}},
		{"a\u263Ab\u263A", []rune{0x263A}},
		{"行一\n行二", nil},
	}
	for _, tt := range tests {
		if got := r.Unprintable(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("Unprintable(%q) = %U, want %U", tt.in, got, tt.want)
		}
	}
}

// A callback that fails stops the batch, however far the renderers have
// run ahead of it: more runs remain than the window holds, so a producer
// not told to stop would wait for room forever.
func TestEachCertificateStopsWhenTheCallbackFails(t *testing.T) {
	r := newRenderer(t)
	certs := batch(20 * separateRun * runtime.GOMAXPROCS(0))
	stop := errors.New("disk full")
	done := make(chan error, 1)
	go func() {
		done <- r.EachCertificate(t.Context(), certs, style, nil, func(i int, pdf []byte) error { return stop })
	}()
	select {
	case err := <-done:
		if !errors.Is(err, stop) {
			t.Errorf("err = %v, want the callback's", err)
		}
	case <-time.After(2 * time.Minute):
		t.Fatal("EachCertificate did not return after its callback failed")
	}
}

// Characters beyond U+FFFF print in one PDF and in one-page files alike,
// and text extraction reads them back (the ToUnicode map names them).
func TestNamesBeyondTheBMP(t *testing.T) {
	r := newRenderer(t)
	c := honor
	c.Name = "𠮷𪟝𫖮𫠊𬌗𬱖"
	var buf bytes.Buffer
	if err := r.Certificates(t.Context(), &buf, []Certificate{c, appointment}, style, nil); err != nil {
		t.Fatal(err)
	}
	if text := pdfText(t, buf.Bytes()); !strings.Contains(text, c.Name) || !strings.Contains(text, appointment.Name) {
		t.Errorf("one PDF: the text lacks %s or %s", c.Name, appointment.Name)
	}
	files := r.separate(t, []Certificate{c}, style)
	if text := pdfText(t, files[0]); !strings.Contains(text, c.Name) {
		t.Errorf("one-page file: the text lacks %s", c.Name)
	}
}
