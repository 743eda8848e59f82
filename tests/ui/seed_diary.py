#!/usr/bin/env python3
"""Seeds a small office into an existing caseload database for the diary
tests (the test's own setup, written with plain SQL; the audit triggers need
the connection functions caseload itself provides)."""
import sqlite3, sys

db = sqlite3.connect(sys.argv[1])
db.create_function("cl_who", 0, lambda: "FIXTURE")
db.create_function("cl_now", 0, lambda: "2026-11-01T09:00")
db.create_function("cl_bulk", 0, lambda: 0)
for f in ("cl_act", "cl_reason", "cl_via"): db.create_function(f, 0, lambda: None)
db.executescript("""
INSERT INTO office(code,name,hours_start,hours_end) VALUES ('N1','Northtown','09:00','17:00');
INSERT INTO staff(code,name,grade,office) VALUES ('AB1','Alex Brown','PO','N1');
INSERT INTO staff(code,name,grade,office) VALUES ('CD2','Chris Dale','PSO','N1');
INSERT INTO offender(crn,surname,forenames,date_of_birth,officer,office)
  VALUES ('X100001','Llŷr','Siân','1990-03-07','AB1','N1');
INSERT INTO offender(crn,surname,forenames,date_of_birth,officer,office)
  VALUES ('X100002','Ó Ceallaigh','Zoë','1985-01-02','CD2','N1');
INSERT INTO offender(crn,surname,forenames,date_of_birth,officer,office,status)
  VALUES ('X100003','Brontë','Chloë','1970-05-05','AB1','N1','closed');
INSERT INTO registration(crn,type,start_date,review_date) VALUES ('X100001','RHRH','2026-06-01','2027-06-01');
INSERT INTO registration(crn,type,category,level,start_date,review_date) VALUES ('X100001','MAPP','M2','M2','2026-01-01','2027-01-01');
INSERT INTO registration(crn,type,level,start_date,review_date) VALUES ('X100001','AV2S','H','2026-01-01','2027-01-01');
INSERT INTO registration(crn,type,start_date,review_date) VALUES ('X100001','ADVP','2026-01-01','2027-01-01');
INSERT INTO registration(crn,type,start_date,review_date) VALUES ('X100001','RCPR','2026-01-01','2027-01-01');
INSERT INTO registration(crn,type,start_date,review_date) VALUES ('X100002','RMRH','2026-06-01','2027-06-01');
""")
db.commit()
