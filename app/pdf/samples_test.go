package pdf

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"math"
	"testing"
)

// Sample people: rare name characters (喆 堃 玥), a four-character name,
// long Latin names and a talk title long enough to wrap.
var (
	honor = Certificate{
		Kind: "honor", Serial: "ACE-2026-0001", Name: "张喆", NameLatin: "Zhang Zhe",
		TitleZH: "PostgreSQL ACE 伙伴", TitleEN: "PostgreSQL ACE Partner",
		BodyZH: "感谢您在 2026 年度为 PostgreSQL 中文社区作出的杰出贡献，经中国开源软件推进联盟 PostgreSQL 分会评定，特授予",
		BodyEN: "In recognition of your outstanding contribution to the PostgreSQL community in China in 2026, you are hereby named",
		DateZH: "二〇二六年十二月三十一日", DateEN: "31 December 2026",
		QR: "ACE1.v_ACE-2026-0001",
	}
	appointment = Certificate{
		Kind: "appointment", Serial: "ACE-2026-0002", Name: "欧阳明昇", NameLatin: "Ouyang Mingsheng",
		TitleZH: "杭州用户组组长", TitleEN: "Lead of the Hangzhou User Group",
		BodyZH: "兹聘请欧阳明昇同志担任中国开源软件推进联盟 PostgreSQL 分会地区用户委员会", BodyEN: "We hereby appoint Ouyang Mingsheng, of the Regional User Committee of the PostgreSQL chapter, as",
		DateZH: "二〇二六年三月三十一日", DateEN: "31 March 2026",
		QR: "ACE1.v_ACE-2026-0002",
	}
	thanks = Certificate{
		Kind: "thanks", Serial: "ACE-2026-0003", Name: "李堃玥", NameLatin: "Maximilian Alexander von Hohenberg-Kunyue Li",
		TitleZH: "《基于逻辑复制的跨地域多活架构：从原理到金融级生产实践，以及在国产化替代中的迁移经验》",
		TitleEN: "“Cross-region active-active PostgreSQL with logical replication: from first principles to production in banking, and lessons from large migrations”",
		BodyZH:  "感谢您在 2026 中国 PostgreSQL 数据库生态大会上发表精彩演讲",
		BodyEN:  "With thanks for your talk at the 2026 China PostgreSQL Ecosystem Conference",
		DateZH:  "二〇二六年七月十八日", DateEN: "18 July 2026",
		QR: "ACE-2026-0003.9f2c1e", Reprint: true,
	}
	samples = []Certificate{honor, appointment, thanks}

	style = Style{
		IssuerZH: "中国开源软件推进联盟 PostgreSQL 分会",
		IssuerEN: "PostgreSQL Chapter, China Open Source Software Promotion Union",
		Signatories: []Signatory{
			{Name: "王玥", TitleZH: "分会会长", TitleEN: "President of the Chapter", SignaturePNG: scribble()},
			{Name: "Jonathan Katz-Weber", TitleZH: "布道委员会主任", TitleEN: "Chair, Evangelism Committee"},
		},
	}
)

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
