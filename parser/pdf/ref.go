package pdf

import (
	"reflect"

	lib "github.com/ledongthuc/pdf"
)

// objID identifies an indirect object of the file ("N G R").
type objID struct {
	id  uint32
	gen uint16
}

// The library resolves (re-reads and re-parses) an indirect object on every
// Key or Index, and does not export object numbers. Caching per document by
// object number is what makes reading fast, so the numbers are read through
// reflection. If a later library version changes its fields, these helpers
// report "unknown" and the reader falls back to slower paths.

// selfRef is the object number of the object v was read from (for a direct
// value: of the indirect object that contains it).
func selfRef(v lib.Value) (objID, bool) {
	defer func() { _ = recover() }()
	p := reflect.ValueOf(v).FieldByName("ptr")
	if !p.IsValid() || p.Kind() != reflect.Struct || p.NumField() < 2 {
		return objID{}, false
	}
	id := objID{uint32(p.Field(0).Uint()), uint16(p.Field(1).Uint())}
	return id, id.id != 0
}

// childRef is the object number of v's entry key when that entry is an
// indirect reference, found without loading the object.
func childRef(v lib.Value, key string) (id objID, ok bool) {
	defer func() {
		if recover() != nil {
			id, ok = objID{}, false
		}
	}()
	d := reflect.ValueOf(v).FieldByName("data")
	if !d.IsValid() || d.IsNil() {
		return objID{}, false
	}
	e := d.Elem()
	if e.Kind() == reflect.Struct {
		e = e.FieldByName("hdr")
	}
	if !e.IsValid() || e.Kind() != reflect.Map {
		return objID{}, false
	}
	x := e.MapIndex(reflect.ValueOf(key).Convert(e.Type().Key()))
	if !x.IsValid() {
		return objID{}, false
	}
	if x.Kind() == reflect.Interface {
		x = x.Elem()
	}
	if x.Kind() != reflect.Struct || x.Type().Name() != "objptr" || x.NumField() < 2 {
		return objID{}, false
	}
	return objID{uint32(x.Field(0).Uint()), uint16(x.Field(1).Uint())}, true
}
