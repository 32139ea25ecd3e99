package pdf

import lib "github.com/ledongthuc/pdf"

// taggedTables are the tables of a tagged PDF: the parts per page (a table
// is attached to the page where it starts) and the MCIDs per page that
// belong to table cells.
type taggedTables struct {
	parts   map[int][]*tpart
	claimed map[int]map[int]bool
}

func (d *docReader) structTables(pages []lib.Page, pcs []*pageContent) *taggedTables {
	return nil
}
