package pdf

import (
	"io"

	"acedesk/app"
)

// PlaceCard is the domain's place card: a name and a level on a folded A4.
type PlaceCard = app.PlaceCard

func placeCardTexts(c PlaceCard) []string { return []string{c.Name, c.NameLatin, c.LevelZH, c.LevelEN} }

// A4 portrait, folded across the middle.
const (
	cardW = 210.0
	cardH = 297.0
	foldY = cardH / 2
)

// PlaceCards writes one page per card.
func (r *Renderer) PlaceCards(w io.Writer, cards []PlaceCard) error {
	texts := labels()
	for _, c := range cards {
		if err := r.check(placeCardTexts(c)); err != nil {
			return err
		}
		texts = append(texts, placeCardTexts(c)...)
	}
	font, err := r.subset(texts)
	if err != nil {
		return err
	}
	return r.render(w, "P", font, func(f *doc) error {
		f.SetTitle("ACE Desk", true)
		for _, c := range cards {
			f.AddPage()
			// The lower half faces one side; the upper half, upside down on
			// paper, faces the other once folded.
			cardFace(f, c, foldY+foldY/2)
			f.TransformBegin()
			f.TransformRotate(180, cardW/2, foldY/2)
			cardFace(f, c, foldY/2)
			f.TransformEnd()

			drawColor(f, paleGrey)
			f.SetLineWidth(0.2)
			f.SetDashPattern([]float64{2, 2}, 0)
			f.Line(4, foldY, cardW-4, foldY)
			f.SetDashPattern(nil, 0)
			textColor(f, paleGrey)
			f.SetFontSize(6)
			f.Text(5, foldY-1.2, labelFoldZH+" / "+labelFoldEN)
		}
		return nil
	})
}

// cardFace draws one side of the card centred on (cardW/2, cy).
func cardFace(f *doc, c PlaceCard, cy float64) {
	const inset = 12.0
	top := cy - foldY/2 + inset
	drawColor(f, pgBlue)
	f.SetLineWidth(1.2)
	f.Rect(inset, top, cardW-2*inset, foldY-2*inset, "D")
	drawColor(f, gold)
	f.SetLineWidth(0.5)
	f.Rect(inset+2.5, top+2.5, cardW-2*inset-5, foldY-2*inset-5, "D")

	cx := cardW / 2
	textColor(f, ink)
	fit(f, c.Name, 80, 160)
	centered(f, c.Name, cx, cy-6)
	textColor(f, grey)
	fit(f, c.NameLatin, 22, 160)
	centered(f, c.NameLatin, cx, cy+10)
	rule := func(y float64) {
		drawColor(f, gold)
		f.SetLineWidth(0.4)
		f.Line(cx-30, y, cx+30, y)
	}
	rule(cy + 17)
	textColor(f, pgBlue)
	fit(f, c.LevelZH, 17, 160)
	centered(f, c.LevelZH, cx, cy+27)
	fit(f, c.LevelEN, 12, 160)
	centered(f, c.LevelEN, cx, cy+34)
}
