package service

import (
	"encoding/json"
	"strconv"
	"time"

	"acedesk/app"
	"acedesk/app/rules"
)

// levelStore is what LevelService needs of the store.
type levelStore interface {
	ConfirmRenewal(r app.Renewal, ch app.Change) (app.Renewal, error)
	GetBatch(id string) (app.Batch, bool, error)
	GetCertificateSetup() (app.CertificateSetup, bool, error)
	GetMember(id uint64) (app.Member, error)
	GetRenewal(year int) (app.Renewal, bool, error)
	Holdings() ([]app.Holding, error)
	// MemberSummaries loads many members' summaries in one transaction;
	// missing IDs are absent.
	MemberSummaries(ids []uint64) (map[uint64]app.MemberSummary, error)
	PublishBatch(b app.Batch, ch app.Change) (app.Batch, error)
}

// LevelService decides who holds which level: the quarterly batches of new
// members and the year-end renewal of holders. Both show a preview first
// and are frozen once published or confirmed.
type LevelService struct {
	showcase  app.ShowcaseRenderer
	repo      levelStore
	clock     app.Clock
	settings  *SettingsService
	standings *StandingsService
}

// Holdings lists the levels members hold.
func (s *LevelService) Holdings() ([]app.Holding, error) { return s.repo.Holdings() }

// Batches returns the four batches of year: published ones as published,
// the others as previews.
func (s *LevelService) Batches(year int) ([]app.Batch, error) {
	out := make([]app.Batch, 0, 4)
	for q := 1; q <= 4; q++ {
		b, err := s.Batch(app.BatchID{Year: year, Quarter: q}.String())
		if err != nil {
			return nil, err
		}
		out = append(out, b)
	}
	return out, nil
}

// Batch returns a published batch, or the preview of one not yet published.
func (s *LevelService) Batch(id string) (app.Batch, error) {
	bid, err := app.ParseBatchID(id)
	if err != nil {
		return app.Batch{}, err
	}
	if b, ok, err := s.repo.GetBatch(bid.String()); err != nil || ok {
		return b, err
	}
	y, err := s.standings.compute(bid.Year)
	if err != nil {
		return app.Batch{}, err
	}
	return s.preview(bid, y.standings)
}

func (s *LevelService) preview(bid app.BatchID, standings []rules.Standing) (app.Batch, error) {
	current, err := s.current(func(h app.Holding) bool { return h.HeldIn(bid.Year) })
	if err != nil {
		return app.Batch{}, err
	}
	found := rules.BatchCandidates(bid.Year, bid.Quarter, standings, current)
	ids := make([]uint64, len(found))
	for i, e := range found {
		ids[i] = e.MemberID
	}
	members, err := s.repo.MemberSummaries(ids)
	if err != nil {
		return app.Batch{}, err
	}
	b := app.Batch{ID: bid.String(), Year: bid.Year, Quarter: bid.Quarter, Entries: make([]app.BatchEntry, 0, len(found))}
	for _, e := range found {
		m := members[e.MemberID]
		b.Entries = append(b.Entries, app.BatchEntry{MemberID: e.MemberID, Name: m.Name, NameLatin: m.NameLatin, Phone: m.Phone,
			City: m.City, Level: string(e.Level), QualifiedOn: e.QualifiedOn.String(), Reason: reasonRow(e.Reason)})
	}
	b.Blocked, err = s.batchBlocked(bid, standings, len(b.Entries))
	return b, err
}

// batchBlocked says why a batch cannot be published yet: its quarter has
// not reached its last day, an earlier quarter of the year with new members
// is unpublished (they would be missed), or it has no one.
func (s *LevelService) batchBlocked(bid app.BatchID, standings []rules.Standing, entries int) (app.ReasonRow, error) {
	if s.today().Before(bid.LastDay()) {
		last := bid.LastDay().Format(app.DateLayout)
		return app.ReasonRow{Code: "quarter_open", Params: map[string]string{"batch": bid.String(), "date": last},
			Text: "batch " + bid.String() + " can be published from " + last}, nil
	}
	for q := 1; q < bid.Quarter; q++ {
		earlier := app.BatchID{Year: bid.Year, Quarter: q}
		if _, ok, err := s.repo.GetBatch(earlier.String()); err != nil || ok {
			if err != nil {
				return app.ReasonRow{}, err
			}
			continue
		}
		prev, err := s.preview(earlier, standings)
		if err != nil {
			return app.ReasonRow{}, err
		}
		if len(prev.Entries) > 0 {
			return app.ReasonRow{Code: "earlier_unpublished", Params: map[string]string{"batch": earlier.String()},
				Text: "publish batch " + earlier.String() + " first"}, nil
		}
	}
	if entries == 0 {
		return app.ReasonRow{Code: "batch_empty", Params: map[string]string{"batch": bid.String()},
			Text: "batch " + bid.String() + " has no new members"}, nil
	}
	return app.ReasonRow{}, nil
}

// PublishBatch freezes a batch as its preview shows it now and gives its
// members their levels. It refuses a blocked or already published batch.
func (s *LevelService) PublishBatch(id string) (app.Batch, error) {
	b, err := s.Batch(id)
	if err != nil {
		return app.Batch{}, err
	}
	if b.Published {
		return app.Batch{}, app.Errorf(app.CodeConflict, "batch_published", "batch %s is already published", b.ID).WithParams("batch", b.ID)
	}
	if b.Blocked.Code != "" {
		return app.Batch{}, app.Errorf(app.CodeConflict, b.Blocked.Code, "%s", b.Blocked.Text).WithParams(flatten(b.Blocked.Params)...)
	}
	c, err := s.settings.change()
	if err != nil {
		return app.Batch{}, err
	}
	return s.repo.PublishBatch(b, c)
}

// Renewal returns the confirmed renewal of year, or its preview: every
// member whose level runs out with year, and what year's standing gives
// them for year+1.
func (s *LevelService) Renewal(year int) (app.Renewal, error) {
	if r, ok, err := s.repo.GetRenewal(year); err != nil || ok {
		return r, err
	}
	y, err := s.standings.compute(year)
	if err != nil {
		return app.Renewal{}, err
	}
	standings := y.standings
	holders, err := s.current(func(h app.Holding) bool { return h.From <= year && h.ValidThrough == year })
	if err != nil {
		return app.Renewal{}, err
	}
	points := make(map[uint64]int, len(standings))
	for _, st := range standings {
		points[st.MemberID] = st.Points
	}
	found := rules.Renewal(standings, holders)
	ids := make([]uint64, len(found))
	for i, e := range found {
		ids[i] = e.MemberID
	}
	members, err := s.repo.MemberSummaries(ids)
	if err != nil {
		return app.Renewal{}, err
	}
	r := app.Renewal{Year: year, Entries: make([]app.RenewalEntry, 0, len(found)), Counts: map[string]int{}}
	for _, o := range []rules.RenewalOutcome{rules.RenewalKeep, rules.RenewalRise, rules.RenewalDown, rules.RenewalLapse} {
		r.Counts[string(o)] = 0
	}
	for _, e := range found {
		m := members[e.MemberID]
		r.Entries = append(r.Entries, app.RenewalEntry{MemberID: e.MemberID, Name: m.Name, Phone: m.Phone, City: m.City,
			Points: points[e.MemberID], From: string(e.From), To: string(e.To), Outcome: string(e.Outcome), Reason: reasonRow(e.Reason)})
		r.Counts[string(e.Outcome)]++
	}
	first := time.Date(year, time.December, 1, 0, 0, 0, 0, time.UTC)
	switch {
	case s.today().Before(first):
		r.Blocked = app.ReasonRow{Code: "renewal_early", Params: map[string]string{"year": strconv.Itoa(year), "date": first.Format(app.DateLayout)},
			Text: "the renewal of " + strconv.Itoa(year) + " can be confirmed from " + first.Format(app.DateLayout)}
	case len(r.Entries) == 0:
		r.Blocked = app.ReasonRow{Code: "renewal_empty", Params: map[string]string{"year": strconv.Itoa(year)},
			Text: "no level runs out with " + strconv.Itoa(year)}
	}
	return r, nil
}

// ConfirmRenewal freezes the renewal of year as its preview shows it now
// and sets every reviewed holder's level for year+1.
func (s *LevelService) ConfirmRenewal(year int) (app.Renewal, error) {
	r, err := s.Renewal(year)
	if err != nil {
		return app.Renewal{}, err
	}
	if r.Confirmed {
		return app.Renewal{}, app.Errorf(app.CodeConflict, "renewal_confirmed", "the renewal of %d is already confirmed", year).
			WithParams("year", strconv.Itoa(year))
	}
	if r.Blocked.Code != "" {
		return app.Renewal{}, app.Errorf(app.CodeConflict, r.Blocked.Code, "%s", r.Blocked.Text).WithParams(flatten(r.Blocked.Params)...)
	}
	c, err := s.settings.change()
	if err != nil {
		return app.Renewal{}, err
	}
	return s.repo.ConfirmRenewal(r, c)
}

// current is the holdings keep accepts, as the rules see them.
func (s *LevelService) current(keep func(app.Holding) bool) ([]rules.Holding, error) {
	all, err := s.repo.Holdings()
	if err != nil {
		return nil, err
	}
	var out []rules.Holding
	for _, h := range all {
		if keep(h) {
			out = append(out, rules.Holding{MemberID: h.MemberID, Level: rules.Level(h.Level)})
		}
	}
	return out, nil
}

// today is the operator's calendar day, as a UTC midnight to compare with
// the program's civil dates.
func (s *LevelService) today() time.Time {
	y, m, d := s.clock.Now().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

func reasonRow(r rules.Reason) app.ReasonRow {
	return app.ReasonRow{Code: r.Code, Params: r.Params, Text: r.Text}
}

func flatten(m map[string]string) []string {
	out := make([]string, 0, 2*len(m))
	for k, v := range m {
		out = append(out, k, v)
	}
	return out
}

// showcaseLevels are the levels the website lists, highest first.
var showcaseLevels = []rules.Level{rules.LevelDirector, rules.LevelACE, rules.LevelPartner}

// Showcase is the public list of who holds a level in year (0: this
// year), by level and city, for the chapter's website. Archived members
// are left out; contact details never go in.
func (s *LevelService) Showcase(year int) (app.Showcase, error) {
	today := s.today()
	if year == 0 {
		year = today.Year()
	}
	if year < 2000 || year > 2999 {
		return app.Showcase{}, app.Errorf(app.CodeInvalid, "invalid_year", "%d is not a year", year).WithParams("year", strconv.Itoa(year))
	}
	holdings, err := s.repo.Holdings()
	if err != nil {
		return app.Showcase{}, err
	}
	var people []app.ShowcasePerson
	for _, h := range holdings {
		if !h.HeldIn(year) || rules.Level(h.Level).Rank() == 0 {
			continue
		}
		m, err := s.repo.GetMember(h.MemberID)
		if err != nil {
			return app.Showcase{}, err
		}
		if m.Archived {
			continue
		}
		people = append(people, app.ShowcasePerson{Name: m.Name, NameLatin: m.NameLatin, Level: h.Level, City: m.City,
			Organization: m.Organization, Bio: m.Bio})
	}
	setup, ok, err := s.repo.GetCertificateSetup()
	if err != nil {
		return app.Showcase{}, err
	}
	if !ok {
		setup = app.DefaultCertificateSetup()
	}
	return app.BuildShowcase(app.ShowcaseChapter{NameZH: setup.IssuerZH, NameEN: setup.IssuerEN}, year,
		today.Format(app.DateLayout), showcaseLevels, people), nil
}

// ShowcaseFile is the showcase of year as a file to save: format "json"
// or "html".
func (s *LevelService) ShowcaseFile(year int, format string) (FileResult, error) {
	if format != "json" && format != "html" {
		return FileResult{}, app.Errorf(app.CodeInvalid, "invalid_format", "format %q: use json or html", format).WithParams("format", format)
	}
	p, err := s.Showcase(year)
	if err != nil {
		return FileResult{}, err
	}
	name := "pgace-showcase-" + strconv.Itoa(p.Year) + "." + format
	var data []byte
	if format == "json" {
		data, err = json.MarshalIndent(p, "", "  ")
	} else {
		data, err = s.showcase.HTML(p)
	}
	return FileResult{Name: name, Data: data}, err
}
