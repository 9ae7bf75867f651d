package pdf

import (
	"bytes"
	"fmt"
	"io"
	"testing"

	"acedesk/app"
)

// batch returns n certificates with varied names, as an event's batch.
func batch(n int) []Certificate {
	surnames := []rune("王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高欧")
	given := []rune("喆堃玥伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂昇")
	out := make([]Certificate, n)
	for i := range out {
		c := samples[i%len(samples)]
		c.Serial = fmt.Sprintf("PGACE-2026-HZ-%06d", i+1)
		c.Name = string([]rune{surnames[i%len(surnames)], given[i%len(given)], given[(i/7)%len(given)]})
		c.QR = signed(app.Certificate{Serial: c.Serial, Name: c.Name, Title: "PostgreSQL ACE 伙伴", Year: 2026, IssuedOn: "2026-12-31"})
		out[i] = c
	}
	return out
}

// BenchmarkCertificates1000: one PDF of 1,000 pages with signed codes.
// Target ≤ 1.5 KB a page and 40 times ReportLab's speed (scripts/bench-pdf.sh
// measures that as acedesk certs runs it).
func BenchmarkCertificates1000(b *testing.B) {
	r := newRenderer(b)
	certs := batch(1000)
	var size int
	for b.Loop() {
		var buf bytes.Buffer
		if err := r.Certificates(b.Context(), &buf, certs, style, nil); err != nil {
			b.Fatal(err)
		}
		size = buf.Len()
	}
	b.ReportMetric(float64(size)/float64(len(certs)), "bytes/page")
}

// BenchmarkSeparate1000: 1,000 PDFs of one page. Target 25 times
// ReportLab's speed making one file each.
func BenchmarkSeparate1000(b *testing.B) {
	r := newRenderer(b)
	certs := batch(1000)
	var size int
	for b.Loop() {
		size = 0
		err := r.EachCertificate(b.Context(), certs, style, nil, func(i int, pdf []byte) error {
			size += len(pdf)
			_, err := io.Discard.Write(pdf)
			return err
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(size)/float64(len(certs)), "bytes/file")
}
