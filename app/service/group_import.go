package service

import (
	"bytes"
	"strconv"

	"acedesk/app"
)

// groupColumns are the columns of a groups-with-leads file.
var groupColumns = []app.Column{
	{Key: "committee", Labels: []string{"委员会"}, Required: true},
	{Key: "group", Labels: []string{"工作组", "组名"}, Required: true},
	{Key: "year", Labels: []string{"年度", "年份"}, Required: true},
	{Key: "lead_phone", Labels: []string{"组长手机", "组长手机号"}},
	// lead_since is the day a lead appointed during the year began: the
	// lead track counts from then, so the lead goes online in that day's
	// quarter (or the next unpublished batch), not in Q1.
	{Key: "lead_since", Labels: []string{"组长起始日期", "任职起始日期", "起始日期", "lead since"}},
}

// groupImportStore is what GroupImportService needs of the store.
type groupImportStore interface {
	ImportGroups(gs []app.Group, c app.Change) ([]app.Group, string, error)
	Groups() ([]app.Group, error)
	// MembersByContacts returns, each once, the members holding any of the
	// (normalized) phones or emails, in one read, so every row of a file is
	// matched against the same roster.
	MembersByContacts(phones, emails []string) ([]app.Member, error)
}

// GroupImportService reads groups with their lead per year: a row adds the
// group if it is new and sets its lead for the year (found by phone).
type GroupImportService struct {
	sheets   app.Spreadsheets
	repo     groupImportStore
	settings *SettingsService
}

// Preview reports what importing the file would do to each row.
func (s *GroupImportService) Preview(fileName string, data []byte) (ImportReport, error) {
	report, _, err := s.plan(fileName, data)
	return report, err
}

// Apply imports the file all or nothing, after a backup, in one audited
// transaction.
func (s *GroupImportService) Apply(fileName string, data []byte) (ImportReport, error) {
	report, writes, err := s.plan(fileName, data)
	if err != nil {
		return report, err
	}
	err = applyImport(s.settings, &report, writes, s.repo.ImportGroups, func(*ImportRow, app.Group) {})
	return report, err
}

// plan works every row into the groups it changes, in file order.
func (s *GroupImportService) plan(fileName string, data []byte) (ImportReport, []importWrite[app.Group], error) {
	report := ImportReport{File: fileName, Columns: []string{}, Rows: []ImportRow{}}
	table, err := s.sheets.ReadTable(bytes.NewReader(data), groupColumns)
	if err != nil {
		return report, nil, importFileError(fileName, err)
	}
	report.Columns = table.Columns
	existing, err := s.repo.Groups()
	if err != nil {
		return report, nil, err
	}
	phones := make([]string, len(table.Rows))
	for i, r := range table.Rows {
		phones[i] = app.NormalizePhone(r.Cells["lead_phone"])
	}
	leads, err := s.repo.MembersByContacts(phones, nil)
	if err != nil {
		return report, nil, err
	}
	p := groupPlan{byName: map[string]app.Group{}, byPhone: map[string]app.Member{}, seen: map[string]int{}, lastRow: map[string]int{}}
	for _, g := range existing {
		p.byName[g.Committee+"/"+g.Name] = g
	}
	for _, m := range leads {
		p.byPhone[m.Phone] = m
	}
	for i, r := range table.Rows {
		p.at = len(report.Rows)
		report.add(p.row(r.Number, r.Cells, phones[i]))
	}
	out := make([]importWrite[app.Group], len(p.order))
	for i, key := range p.order {
		out[i] = importWrite[app.Group]{row: p.lastRow[key], item: p.byName[key]}
	}
	return report, out, nil
}

// groupPlan is the groups as the rows so far leave them.
type groupPlan struct {
	byName  map[string]app.Group // committee/name
	byPhone map[string]app.Member
	seen    map[string]int // committee/name/year → first row
	order   []string       // committee/name of the groups to write, by first row
	lastRow map[string]int // the same → index of its last row in the report
	at      int            // index in the report of the row being planned
}

func (p *groupPlan) row(number int, cells map[string]string, phone string) ImportRow {
	row := ImportRow{Row: number, Name: cells["group"]}
	committee, ok := app.CommitteeOf(cells["committee"])
	if !ok {
		return row.failed(app.Errorf(app.CodeInvalid, "import_unknown_committee", "unknown committee %q", cells["committee"]).
			WithParams("committee", cells["committee"]))
	}
	year, isInt := app.ParseCellInt(cells["year"])
	if !isInt || year < 2000 || year > 2999 {
		return row.failed(app.Errorf(app.CodeInvalid, "import_bad_year", "year %q is not a year", cells["year"]).WithParams("year", cells["year"]))
	}
	since := ""
	if v := cells["lead_since"]; v != "" {
		d, ok := app.ParseCellDate(v)
		if !ok || d.Year() != year {
			return row.failed(app.Errorf(app.CodeInvalid, "import_lead_since", "lead since %q is not a day of %d", v, year).
				WithParams("date", v, "year", strconv.Itoa(year)))
		}
		since = d.Format(app.DateLayout)
	}
	var lead app.Member
	if phone != "" {
		if lead, ok = p.byPhone[phone]; !ok {
			return row.failed(app.Errorf(app.CodeNotFound, "import_unknown_phone", "no member has phone %s", phone).WithParams("phone", phone))
		}
		if lead.Archived {
			return row.failed(app.Errorf(app.CodeConflict, "member_archived", "%s is archived: restore them first", lead.Name).WithParams("member", lead.Name))
		}
	}
	key := committee.Key + "/" + cells["group"]
	yearKey := key + "/" + strconv.Itoa(year)
	if first, dup := p.seen[yearKey]; dup {
		return row.failed(app.Errorf(app.CodeInvalid, "import_same_group_year", "row %d is also about %s in %d", first, cells["group"], year).
			WithParams("row", strconv.Itoa(first), "group", cells["group"], "year", strconv.Itoa(year)))
	}
	p.seen[yearKey] = number

	g, known := p.byName[key]
	next := app.Group{Committee: committee.Key, Name: cells["group"]}
	if known {
		next = g
		next.Terms = append([]app.GroupTerm(nil), g.Terms...)
	}
	t, hasTerm := next.Term(year)
	switch {
	case hasTerm && t.LeadID == lead.ID && t.LeadSince == since:
		row.Outcome = ImportUnchanged
		return row
	case hasTerm:
		row.Outcome = ImportUpdated
		if t.LeadID != lead.ID {
			row.Changes = append(row.Changes, "lead_phone")
		}
		if t.LeadSince != since {
			row.Changes = append(row.Changes, "lead_since")
		}
		for i := range next.Terms {
			if next.Terms[i].Year == year {
				next.Terms[i].LeadID, next.Terms[i].LeadSince = lead.ID, since
			}
		}
	default:
		row.Outcome = ImportNew
		next.Terms = append(next.Terms, app.GroupTerm{Year: year, LeadID: lead.ID, LeadSince: since})
	}
	next.Normalize()
	if err := next.Validate(); err != nil {
		return row.failed(app.AsError(err))
	}
	row.MemberID = lead.ID
	p.byName[key] = next
	if _, seen := p.lastRow[key]; !seen {
		p.order = append(p.order, key)
	}
	p.lastRow[key] = p.at
	return row
}
