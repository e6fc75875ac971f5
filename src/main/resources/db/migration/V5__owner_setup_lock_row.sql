-- The row that serialises creating the first owner (AccountService.createFirstOwner) exists from the start:
-- two instances starting together on a new database then both lock it, instead of racing to insert it (the
-- loser's refused insert was harmless but left a warning in its log).
insert into login_throttle (email, failures) values ('#owner-setup', 0);
