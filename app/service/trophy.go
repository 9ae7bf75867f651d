package service

import (
	"bytes"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"acedesk/app"
	"acedesk/app/rules"
)

// trophyStore is what TrophyService needs of the store.
type trophyStore interface {
	GetMember(id uint64) (app.Member, error)
	// SaveTrophyOrder stores o if o.Version is the stored one (0: none yet).
	SaveTrophyOrder(batchID string, memberID uint64, o app.TrophyOrder, ch app.Change) (app.TrophyOrder, error)
	TrophyOrders(batchID string) (map[uint64]app.TrophyOrder, error)
}

// TrophyService lists a batch's trophies and tracks their orders.
type TrophyService struct {
	sheets   app.Spreadsheets
	repo     trophyStore
	settings *SettingsService
	levels   *LevelService
	printer  app.Printer
}

// ForBatch lists the trophies of a published batch, in batch order.
func (s *TrophyService) ForBatch(id string) ([]app.Trophy, error) {
	b, err := s.levels.Batch(id)
	if err != nil {
		return nil, err
	}
	if !b.Published {
		return nil, app.Errorf(app.CodeConflict, "batch_unpublished", "batch %s is not published: publish it first", b.ID).WithParams("batch", b.ID)
	}
	orders, err := s.repo.TrophyOrders(b.ID)
	if err != nil {
		return nil, err
	}
	out := make([]app.Trophy, 0, len(b.Entries))
	for _, e := range b.Entries {
		m, err := s.repo.GetMember(e.MemberID)
		if err != nil {
			return nil, err
		}
		out = append(out, trophyOf(b, e, m, orders))
	}
	return out, nil
}

// trophyOf is the trophy of entry e of batch b: the saved order if there
// is one, else the default engraving, to be ordered.
func trophyOf(b app.Batch, e app.BatchEntry, m app.Member, orders map[uint64]app.TrophyOrder) app.Trophy {
	t := app.Trophy{BatchID: b.ID, MemberID: e.MemberID, Name: e.Name, Level: e.Level, City: m.City, Phone: m.Phone, Address: m.Address,
		Engraving: defaultEngraving(e.Name, e.Level, b.Year), Status: app.TrophyStatuses[0]}
	if o, ok := orders[e.MemberID]; ok {
		t.Engraving, t.Status, t.Version = o.Engraving, o.Status, o.Version
	}
	return t
}

func defaultEngraving(name, level string, year int) string {
	return name + " · " + rules.Level(level).LabelZH() + " · " + strconv.Itoa(year)
}

// Update saves a trophy's engraving and status, made from t.Version.
func (s *TrophyService) Update(t app.Trophy) (app.Trophy, error) {
	t.Engraving = strings.TrimSpace(t.Engraving)
	f := app.FieldErrors{}
	if !slices.Contains(app.TrophyStatuses, t.Status) {
		f.Add("status", "invalid_choice")
	}
	switch n := utf8.RuneCountInString(t.Engraving); {
	case n == 0:
		f.Add("engraving", "required")
	case n > 60:
		f.Add("engraving", "too_long")
	}
	if err := f.Err(); err != nil {
		return app.Trophy{}, err
	}
	c, err := s.settings.change()
	if err != nil {
		return app.Trophy{}, err
	}
	o, err := s.repo.SaveTrophyOrder(t.BatchID, t.MemberID, app.TrophyOrder{Engraving: t.Engraving, Status: t.Status, Version: t.Version}, c)
	if err != nil {
		return app.Trophy{}, err
	}
	t.Version = o.Version
	return t, nil
}

// trophyStatusZH names the statuses in the spreadsheet.
var trophyStatusZH = map[string]string{"to_order": "待下单", "ordered": "已下单", "shipped": "已发货", "received": "已签收"}

// XLSX is the batch's trophy list as a workbook for the trophy maker: one
// row per trophy, and the count by level.
func (s *TrophyService) XLSX(batchID string) ([]byte, error) {
	ts, err := s.ForBatch(batchID)
	if err != nil {
		return nil, err
	}
	list := app.Sheet{Name: "奖杯清单", Header: []string{"序号", "姓名", "级别", "刻字内容", "城市", "手机", "收件地址", "状态"}}
	counts := map[string]int{}
	for i, t := range ts {
		list.Rows = append(list.Rows, []string{strconv.Itoa(i + 1), t.Name, rules.Level(t.Level).LabelZH(), t.Engraving, t.City, t.Phone, t.Address, trophyStatusZH[t.Status]})
		counts[t.Level]++
	}
	totals := app.Sheet{Name: "按级别汇总", Header: []string{"级别", "数量"}}
	for _, l := range []rules.Level{rules.LevelDirector, rules.LevelACE, rules.LevelPartner} {
		if n := counts[string(l)]; n > 0 {
			totals.Rows = append(totals.Rows, []string{l.LabelZH(), strconv.Itoa(n)})
		}
	}
	totals.Rows = append(totals.Rows, []string{"合计", strconv.Itoa(len(ts))})
	var buf bytes.Buffer
	err = s.sheets.WriteXLSX(&buf, []app.Sheet{list, totals})
	return buf.Bytes(), err
}

// PDF is the batch's trophy list for printing: A4, the header row on every
// page, and the count by level at the end. A text the font cannot print is
// refused before anything is drawn, naming the member.
func (s *TrophyService) PDF(batchID string) ([]byte, error) {
	ts, err := s.ForBatch(batchID)
	if err != nil {
		return nil, err
	}
	list := app.TrophyList{Title: batchID + " PostgreSQL ACE 奖杯清单 / Trophy list",
		Subtitle: "共 " + strconv.Itoa(len(ts)) + " 座 · " + strconv.Itoa(len(ts)) + " trophies"}
	for _, t := range ts {
		row := app.TrophyRow{Name: t.Name, Level: rules.Level(t.Level).LabelZH(), Engraving: t.Engraving, City: t.City,
			Phone: t.Phone, Address: t.Address, Status: trophyStatusZH[t.Status]}
		if err := printable(s.printer, t.Name, t.MemberID, row.Name, row.Engraving, row.City, row.Phone, row.Address); err != nil {
			return nil, err
		}
		list.Rows = append(list.Rows, row)
	}
	var buf bytes.Buffer
	if err := s.printer.TrophyList(&buf, list); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
