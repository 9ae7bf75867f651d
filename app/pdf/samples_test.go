package pdf

import (
	"bytes"
	"crypto/ed25519"
	"image"
	"image/color"
	"image/png"
	"math"
	"slices"
	"testing"

	"acedesk/app"
	"acedesk/app/sign"
)

// Sample people: rare name characters (喆 堃 玥), a four-character name,
// long Latin names, a talk title long enough to wrap, and codes signed as
// ACE Desk signs them.
var (
	setup = func() app.CertificateSetup {
		s := app.DefaultCertificateSetup()
		s.ChapterCode = "HZ"
		s.Signatories = []app.Signatory{
			{Name: "王玥", TitleZH: "分会会长", TitleEN: "President of the Chapter", SignaturePNG: scribble()},
			{Name: "Jonathan Katz-Weber", TitleZH: "布道委员会主任", TitleEN: "Chair, Evangelism Committee"},
		}
		return s
	}()
	issued = []app.Certificate{
		{Kind: app.CertHonor, Serial: "PGACE-2026-HZ-000001", Name: "张喆", NameLatin: "Zhang Zhe",
			Title: "PostgreSQL ACE 伙伴", TitleEN: "PostgreSQL ACE Partner", Level: "partner", Year: 2026, IssuedOn: "2026-12-31"},
		{Kind: app.CertAppointment, Serial: "PGACE-2026-HZ-000002", Name: "欧阳明昇", NameLatin: "Ouyang Mingsheng",
			Title: "杭州用户组组长", TitleEN: "Lead, Hangzhou User Group", Detail: "杭州用户组", DetailEN: "the Hangzhou User Group", Year: 2026, IssuedOn: "2026-03-31"},
		{Kind: app.CertThanks, Serial: "PGACE-2026-HZ-000003", Name: "李堃玥", NameLatin: "Maximilian Alexander von Hohenberg-Kunyue Li",
			Title: "基于逻辑复制的跨地域多活架构：从原理到金融级生产实践，以及在国产化替代中的迁移经验", TitleEN: "基于逻辑复制的跨地域多活架构：从原理到金融级生产实践，以及在国产化替代中的迁移经验",
			Detail: "2026 中国 PostgreSQL 数据库生态大会", DetailEN: "the China PostgreSQL Ecosystem Conference 2026", Year: 2026, IssuedOn: "2026-07-18", Reprint: true},
	}
	samples, style = func() ([]Certificate, Style) {
		certs := slices.Clone(issued)
		for i := range certs {
			certs[i].Payload = signed(certs[i])
		}
		return pagesOf(certs, setup)
	}()
	honor, appointment, thanks = samples[0], samples[1], samples[2]
)

// sampleKey signs the samples' codes.
var sampleKey = ed25519.NewKeyFromSeed(bytes.Repeat([]byte{7}, ed25519.SeedSize))

// signed is c's QR payload as ACE Desk signs it.
func signed(c app.Certificate) string {
	p, err := sign.Sign(app.Claims{Serial: c.Serial, Name: c.Name, Title: c.Title, Year: c.Year, Issuer: setup.IssuerZH, Date: c.IssuedOn}, sampleKey)
	if err != nil {
		panic(err)
	}
	return p
}

// scribble is a stand-in signature: a transparent PNG with a wavy stroke.
func scribble() []byte {
	img := image.NewNRGBA(image.Rect(0, 0, 240, 60))
	for x := 10; x < 230; x++ {
		y := 30 + int(18*math.Sin(float64(x)/17))
		for d := -2; d <= 2; d++ {
			img.Set(x, y+d, color.NRGBA{20, 40, 120, 255})
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		panic(err)
	}
	return b.Bytes()
}

func TestWriteSamples(t *testing.T) {
	r := newRenderer(t)
	var buf bytes.Buffer
	if err := r.Certificates(t.Context(), &buf, samples, style, nil); err != nil {
		t.Fatal(err)
	}
	savePDF(t, "certificates.pdf", buf.Bytes())
}
