<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="id">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../ui/about_dialog.py" line="+35"/>
        <source>Versi Jaring: %1</source>
        <translation>Jaring version: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Versi skema basis data: %1</source>
        <translation>Database schema version: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Qt: %1 (PySide6 %2)</source>
        <translation>Qt: %1 (PySide6 %2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Python: %1</source>
        <translation>Python: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Basis data: %1</source>
        <translation>Database: %1</translation>
    </message>
</context>
<context>
    <name>AccountsDialog</name>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="+41"/>
        <source>Akun pengguna</source>
        <translation>User accounts</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Setiap orang yang memakai komputer ini punya akun dan kata sandi sendiri. Staf mengimpor batch, menyelesaikan konflik, mencetak dan mengekspor; supervisor juga mendaftarkan dan mencabut perangkat, menolak pendaftaran dan mengelola akun.</source>
        <translation>Everyone who uses this computer has their own account and passphrase. Staff import batches, resolve conflicts, print and export; supervisors also enrol and revoke devices, reject registrations and manage accounts.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Peran</source>
        <translation>Role</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tambah…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kata sandi baru…</source>
        <translation>New passphrase…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hapus…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Kata sandi baru</source>
        <translation>New passphrase</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Akun %1 sekarang dibuka dengan kata sandi baru.</source>
        <translation>Account %1 now opens with the new passphrase.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Hapus akun %1 (%2)? Kata sandinya tidak akan membuka data lagi.</source>
        <translation>Delete account %1 (%2)? Its passphrase will no longer open the data.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ini akun Anda sendiri.</source>
        <translation>This is your own account.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hapus akun?</source>
        <translation>Delete account?</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Hapus</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Akun tidak dihapus</source>
        <translation>Account not deleted</translation>
    </message>
</context>
<context>
    <name>AddAccountDialog</name>
    <message>
        <location line="+60"/>
        <source>Tambah akun</source>
        <translation>Add account</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tambah</source>
        <translation>Add</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nama lengkap</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Peran</source>
        <translation>Role</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Nama wajib diisi.</source>
        <translation>The name is required.</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../ui/app.py" line="+33"/>
        <source>Itu sebuah folder, bukan berkas basis data.</source>
        <translation>That is a folder, not a database file.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Folder tempat berkas itu tidak ada.</source>
        <translation>The folder for that file does not exist.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Berkas itu bukan basis data Jaring, atau rusak.</source>
        <translation>That file is not a Jaring database, or it is damaged.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Berkas itu tidak bisa dibuat di sana (periksa izin folder).</source>
        <translation>That file cannot be created there (check the folder&apos;s permissions).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Basis data tidak bisa dibuka:
%1

%2

Periksa berkasnya atau pilih berkas lain dengan --db.</source>
        <translation>The database cannot be opened:
%1

%2

Check the file or choose another file with --db.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Jaring sudah terbuka untuk basis data ini:
%1

Jendela yang sudah terbuka dibawa ke depan; lanjutkan pekerjaan di sana. Dua jendela pada satu basis data bisa saling menimpa isian yang belum disimpan.</source>
        <translation>Jaring is already open on this database:
%1

The window already open has been brought to the front; carry on working there. Two windows on one database could overwrite each other&apos;s unsaved typing.</translation>
    </message>
</context>
<context>
    <name>Backup</name>
    <message>
        <location filename="../../ui/backup_actions.py" line="+46"/>
        <source>Pilih folder untuk cadangan (mis. flashdisk)</source>
        <translation>Choose a folder for the backup (e.g. a USB stick)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Cadangkan</source>
        <translation>Back up</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Menulis dan memeriksa cadangan di %1…</source>
        <translation>Writing and checking the backup in %1…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cadangan gagal</source>
        <translation>Backup failed</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cadangan tersimpan di:
%1

Isinya %2 pendaftaran. Cadangan terbuka dengan kata sandi yang sama; simpan flashdisk di tempat aman.</source>
        <translation>Backup saved in:
%1

It holds %2 registrations. The backup opens with the same passphrase; keep the USB stick in a safe place.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Perhatian: cadangan ini TIDAK terenkripsi (basis data tidak terenkripsi).</source>
        <translation>Note: this backup is NOT encrypted (the database is not encrypted).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cadangan tersimpan</source>
        <translation>Backup saved</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Pilih berkas cadangan</source>
        <translation>Choose a backup file</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cadangan Jaring (*%1)</source>
        <translation>Jaring backups (*%1)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Bukan cadangan yang bisa dipakai</source>
        <translation>Not a usable backup</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Kata sandi cadangan</source>
        <translation>Backup passphrase</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kata sandi yang dipakai saat cadangan ini dibuat:</source>
        <translation>The passphrase in use when this backup was made:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Pulihkan cadangan</source>
        <translation>Restore backup</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Memeriksa dan memulihkan cadangan ke %1…</source>
        <translation>Checking and restoring the backup to %1…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Pemulihan gagal</source>
        <translation>Restore failed</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cadangan dipulihkan</source>
        <translation>Backup restored</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cadangan dari %1 (%2 pendaftaran) dipulihkan sebagai basis data baru:
%3

Basis data yang sedang dibuka tidak berubah. Untuk memakai yang dipulihkan, buka Jaring dengan --db %3.</source>
        <translation>The backup of %1 (%2 registrations) was restored as a new database:
%3

The database open now is unchanged. To use the restored one, start Jaring with --db %3.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Pulihkan sebagai basis data baru</source>
        <translation>Restore as a new database</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Basis data Jaring (*.db)</source>
        <translation>Jaring databases (*.db)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Berkas sudah ada</source>
        <translation>File exists</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 sudah ada. Pemulihan tidak pernah menimpa basis data yang ada: pilih nama lain.</source>
        <translation>%1 already exists. A restore never overwrites an existing database: choose another name.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Pilih nama lain</source>
        <translation>Choose another name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Klik untuk mencadangkan ke flashdisk.</source>
        <translation>Click to back up to a USB stick.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Belum pernah dicadangkan: Cadangkan sekarang</source>
        <translation>Never backed up: Back up now</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Belum dicadangkan sejak %1: Cadangkan sekarang</source>
        <translation>Not backed up since %1: Back up now</translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <location filename="../../ui/chart_widgets.py" line="+50"/>
        <source>Belum ada data</source>
        <translation>No data yet</translation>
    </message>
</context>
<context>
    <name>BatchesPage</name>
    <message>
        <location filename="../../ui/batches_page.py" line="+62"/>
        <source>No.</source>
        <extracomment>Sending changed registrations (received, KPJ numbers, rejections).</extracomment>
        <translation>No.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dibuat</source>
        <translation>Created</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pendaftaran</source>
        <translation>Registrations</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Berkas</source>
        <translation>File</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Diterima kabupaten</source>
        <translation>Received by regency</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>belum diketahui</source>
        <translation>not known yet</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Pendaftaran yang siap kirim dikemas dalam satu berkas batch bertanda tangan dan terenkripsi. Simpan berkasnya ke flashdisk dan serahkan ke kantor kabupaten.</source>
        <translation>Registrations that are ready to send are packed into one signed, encrypted batch file. Save the file to a USB stick and hand it to the regency office.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Sidik jari perangkat ini: %1 · Sidik jari kabupaten: %2</source>
        <translation>This device&apos;s fingerprint: %1 · Regency fingerprint: %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Ekspor batch…</source>
        <translation>Export batch…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+73"/>
        <location line="+28"/>
        <location line="+17"/>
        <source>Kirim ke kabupaten</source>
        <translation>Send to the regency</translation>
    </message>
    <message>
        <location line="-115"/>
        <source>Saat ada sinyal: kirim semua batch yang belum diterima kabupaten lewat internet, lalu ambil kabar terbaru (nomor KPJ, penolakan).</source>
        <translation>When there is a signal: send every batch the regency has not received over the internet, then fetch the latest news (KPJ numbers, rejections).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Tulis ulang batch terpilih…</source>
        <translation>Rewrite selected batch…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Baca tanda terima…</source>
        <translation>Read receipt…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Kantor kabupaten menulis tanda terima ke flashdisk saat mengimpor batch. Tanda terima di folder ekspor juga dibaca otomatis saat ekspor.</source>
        <translation>The regency office writes a receipt to the USB stick when it imports batches. A receipt in the export folder is also read automatically when exporting.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>%1 pendaftaran menunggu dikirim.</source>
        <translation>Registrations waiting to be sent: %1.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Terakhir terhubung ke kabupaten: %1</source>
        <translation>Last connected to the regency: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Belum pernah terhubung ke kabupaten lewat internet.</source>
        <translation>Never connected to the regency over the internet yet.</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+178"/>
        <source>Pilih folder tujuan (flashdisk)</source>
        <translation>Choose the destination folder (USB stick)</translation>
    </message>
    <message>
        <location line="-173"/>
        <source>Mengekspor batch…</source>
        <translation>Exporting batch…</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+31"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>Alamat server kabupaten belum diisi. Isi di Berkas → Pengaturan (tanyakan alamatnya ke kantor kabupaten).</source>
        <translation>The regency server&apos;s address is not set. Enter it in File → Settings (ask the regency office for it).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Batch %1</source>
        <translation>Batch %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Mengirim ke kabupaten…</source>
        <translation>Sending to the regency…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Pengiriman gagal</source>
        <translation>Sending failed</translation>
    </message>
    <message>
        <location filename="../../ui/i18n/messages/jobs.py" line="+23"/>
        <source>Pengiriman dibatalkan. Batch yang sudah diterima kabupaten tetap tercatat; sisanya dikirim lain kali.</source>
        <translation>Sending cancelled. Batches the regency already received stay recorded; the rest are sent next time.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Server kabupaten tidak bisa dihubungi. Periksa sinyal dan alamat server, lalu coba lagi. Batch yang belum terkirim tetap tersimpan.</source>
        <translation>The regency server cannot be reached. Check the signal and the server address, then try again. Batches not yet sent stay saved.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Jawaban server kabupaten tidak bisa dipakai.</source>
        <translation>The regency server&apos;s answer cannot be used.</translation>
    </message>
    <message>
        <location filename="../../ui/batches_page.py" line="+12"/>
        <source>Tidak ada batch baru yang perlu dikirim.</source>
        <translation>There is no new batch to send.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 batch terkirim, %2 sudah ada di kabupaten, %3 ditolak.</source>
        <translation>%1 batch(es) sent, %2 already at the regency, %3 refused.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Batch %1 ditolak: %2</source>
        <translation>Batch %1 refused: %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Kabar baru dari kabupaten untuk %1 pendaftaran (KPJ atau penolakan).</source>
        <translation>News from the regency for %1 registration(s) (KPJ or rejection).</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Kabar dari kabupaten di folder itu tidak dipakai: %1</source>
        <translation>The regency&apos;s news in that folder was not used: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Ekspor batch</source>
        <translation>Export batch</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Tidak ada yang perlu dikirim.</source>
        <translation>There is nothing to send.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Batch tersimpan</source>
        <translation>Batch saved</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Batch %1 berisi %2 pendaftaran tersimpan di:
%3</source>
        <translation>Batch %1 (registrations: %2) was saved to:
%3</translation>
    </message>
    <message>
        <location filename="../../ui/i18n/messages/jobs.py" line="-27"/>
        <source>Server kabupaten tidak mengenal perangkat ini: perangkat belum didaftarkan di kabupaten atau sudah dicabut. Hubungi kantor kabupaten dan cocokkan sidik jari perangkat ini. Batch yang belum terkirim tetap tersimpan.</source>
        <translation>The regency server does not know this device: it is not enrolled at the regency or was revoked. Contact the regency office and compare this device&apos;s fingerprint. Batches not yet sent stay saved.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Tanggal atau jam laptop ini berbeda jauh dengan server kabupaten. Atur tanggal, jam dan zona waktu laptop, lalu kirim lagi. Batch yang belum terkirim tetap tersimpan.</source>
        <translation>This laptop&apos;s date or time is far from the regency server&apos;s. Set the laptop&apos;s date, time and time zone, then send again. Batches not yet sent stay saved.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Server kabupaten menolak permintaan perangkat ini: %1 Batch yang belum terkirim tetap tersimpan.</source>
        <translation>The regency server refused this device&apos;s request: %1 Batches not yet sent stay saved.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Jawaban server kabupaten tidak bisa dipakai (alamat server salah, atau server lain yang menjawab?). Periksa alamat server di Berkas → Pengaturan. Batch yang belum terkirim tetap tersimpan.</source>
        <translation>The regency server&apos;s answer cannot be used (a wrong server address, or another server answering?). Check the server address in File → Settings. Batches not yet sent stay saved.</translation>
    </message>
    <message>
        <location filename="../../ui/batches_page.py" line="-41"/>
        <source>Tanda terima batch %1 tidak dipakai: %2</source>
        <translation>The receipt for batch %1 was not used: %2</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Pilih tanda terima kabupaten</source>
        <translation>Choose the regency&apos;s receipt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tanda terima Jaring (*.receipt.json)</source>
        <translation>Jaring receipts (*.receipt.json)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Tanda terima ini tidak menyebut batch baru.</source>
        <translation>This receipt names no new batch.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tanda terima kabupaten</source>
        <translation>Regency receipt</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Kantor kabupaten telah menerima batch %1.</source>
        <translation>The regency office has received batch %1.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Tanda terima menyebut batch lain dengan nomor %1. Hubungi kantor kabupaten.</source>
        <translation>The receipt names a different batch under number %1. Contact the regency office.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Tulis ulang batch</source>
        <translation>Rewrite batch</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pilih batch di tabel.</source>
        <translation>Select a batch in the table.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Batch ditulis ulang</source>
        <translation>Batch rewritten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Batch %1 ditulis ulang, sama persis dengan aslinya:
%2</source>
        <translation>Batch %1 was rewritten, identical to the original:
%2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Ekspor gagal</source>
        <translation>Export failed</translation>
    </message>
</context>
<context>
    <name>BudgetCard</name>
    <message>
        <location filename="../../ui/dashboard/budget_card.py" line="+24"/>
        <source>Anggaran iuran</source>
        <translation>Contribution budget</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sumber iuran</source>
        <translation>Funding source</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Peserta</source>
        <translation>Participants</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Per bulan</source>
        <translation>Per month</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Per tahun</source>
        <translation>Per year</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Jumlah</source>
        <translation>Total</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Target penuh dari APBD</source>
        <translation>Full target from the APBD</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Iuran per bulan dari tabel golongan penghasilan (JKK, JKM, dan JHT bila dipilih); setahun = 12 bulan. Target penuh: %1 × %2 (golongan terendah, tanpa JHT).</source>
        <translation>Monthly contribution from the income bracket table (JKK, JKM, and JHT when chosen); a year = 12 months. Full target: %1 × %2 (lowest bracket, without JHT).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 pendaftaran tanpa penghasilan dihitung golongan terendah.</source>
        <translation>%1 registration(s) without an income counted at the lowest bracket.</translation>
    </message>
</context>
<context>
    <name>CardHandoverDialog</name>
    <message>
        <location filename="../../ui/programme/card_handover_dialog.py" line="+53"/>
        <source>Kartu KPJ diserahkan</source>
        <translation>KPJ card handed over</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Desa/Kelurahan</source>
        <translation>Village/kelurahan</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tanggal diserahkan</source>
        <translation>Date handed over</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+29"/>
        <source> (kartu diserahkan %1)</source>
        <translation> (card handed over %1)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 dari %2 peserta menerima kartu</source>
        <translation>%1 of %2 participants receive a card</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Penyerahan kartu tidak dicatat</source>
        <translation>Card handover not recorded</translation>
    </message>
</context>
<context>
    <name>ChangePassphraseDialog</name>
    <message>
        <location filename="../../ui/passphrase_dialogs.py" line="+246"/>
        <source>Ganti kata sandi</source>
        <translation>Change passphrase</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Kata sandi baru untuk akun %1.</source>
        <translation>A new passphrase for account %1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Kata sandi sekarang</source>
        <translation>Current passphrase</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Ganti</source>
        <translation>Change</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+30"/>
        <location line="+4"/>
        <source>Kata sandi sekarang salah.</source>
        <translation>The current passphrase is wrong.</translation>
    </message>
</context>
<context>
    <name>ConflictsPage</name>
    <message>
        <location filename="../../ui/i18n/messages/problem_texts.py" line="+150"/>
        <source>NIK sama</source>
        <translation>Same NIK</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mungkin ganda</source>
        <translation>Possible duplicate</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_page.py" line="+45"/>
        <source>Jenis</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alasan</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+8"/>
        <source>Data yang ada</source>
        <translation>Existing record</translation>
    </message>
    <message>
        <location line="-7"/>
        <location line="+7"/>
        <source>Data baru</source>
        <translation>Incoming record</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+16"/>
        <source>Ambil yang baru</source>
        <translation>Take incoming</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Pertahankan yang ada</source>
        <translation>Keep existing</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Gabungkan pilihan</source>
        <translation>Combine ticked fields</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Orang berbeda…</source>
        <translation>Different people…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ekspor log penggabungan…</source>
        <translation>Export merge log…</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>%1 konflik terbuka</source>
        <translation>Open conflicts: %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Tidak ada konflik yang perlu diputuskan.</source>
        <translation>No conflicts to resolve.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Data yang ada: %1</source>
        <translation>Existing record: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data baru: %1</source>
        <translation>Incoming record: %1</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>sudah tidak ada</source>
        <translation>no longer exists</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>petugas tidak diketahui</source>
        <translation>unknown officer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (perangkat %2)</source>
        <translation>%1 (device %2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>dari %1</source>
        <translation>from %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>diubah %1</source>
        <translation>changed %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>diimpor %1</source>
        <translation>imported %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>diketik di kabupaten</source>
        <translation>typed in at the regency office</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Data yang ada mengambil dari data baru: %1.</source>
        <translation>The existing record takes from the incoming one: %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tidak ada isian yang dicentang: data yang ada tetap seperti sekarang.</source>
        <translation>No field is ticked: the existing record stays as it is.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Data baru lalu dihapus sebagai duplikat.</source>
        <translation>The incoming record is then deleted as a duplicate.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Gabungkan pilihan?</source>
        <translation>Combine the choices?</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Gabungkan</source>
        <translation>Combine</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+8"/>
        <location line="+20"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>Tandai keduanya sebagai orang berbeda? Keduanya tetap di daftar induk.</source>
        <translation>Mark both as different people? Both stay in the master list.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+20"/>
        <source>Orang berbeda?</source>
        <translation>Different people?</translation>
    </message>
    <message>
        <location line="-19"/>
        <location line="+6"/>
        <location line="+14"/>
        <source>Orang berbeda</source>
        <translation>Different people</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>NIK yang benar untuk data baru:</source>
        <translation>Correct NIK for the incoming record:</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>Tidak bisa diputuskan</source>
        <translation>Could not resolve</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Data baru (%1) masuk daftar induk sebagai orang lain dengan NIK %2. Data yang ada tidak berubah.</source>
        <translation>The incoming record (%1) joins the master list as another person with NIK %2. The existing record does not change.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Diputuskan: data yang ada dipertahankan (%1).</source>
        <translation>Decided: the existing record is kept (%1).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Diputuskan: data baru diambil (%1).</source>
        <translation>Decided: the incoming record is taken (%1).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Diputuskan: pilihan digabungkan ke data yang ada (%1).</source>
        <translation>Decided: the choices are combined into the existing record (%1).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Diputuskan: %1 dicatat sebagai orang berbeda.</source>
        <translation>Decided: %1 is recorded as a different person.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>NIK barunya %1.</source>
        <translation>Their new NIK is %1.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Simpan log penggabungan</source>
        <translation>Save merge log</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Gagal menyimpan</source>
        <translation>Could not save</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Log tersimpan</source>
        <translation>Log saved</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 keputusan tersimpan di %2</source>
        <translation>Decisions saved to %2: %1</translation>
    </message>
</context>
<context>
    <name>CoverageCard</name>
    <message>
        <location filename="../../ui/dashboard/coverage_card.py" line="+42"/>
        <source>Kepesertaan dan iuran per bulan</source>
        <extracomment>The longest warning list shown on the card.</extracomment>
        <translation>Membership and contributions by month</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bulan</source>
        <translation>Month</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Aktif</source>
        <translation>Active</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tunggak 1 bln</source>
        <translation>1 month unpaid</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tunggak 2 bln</source>
        <translation>2 months unpaid</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Nonaktif</source>
        <translation>Lapsed</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Berhenti</source>
        <translation>Ended</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Iuran bulan itu</source>
        <translation>Due that month</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Belum dibayar</source>
        <translation>Unpaid</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Aktif: iuran bulan itu sudah dibayar. Tunggak: belum dibayar 1 atau 2 bulan. Nonaktif: 3 bulan tidak dibayar, BPJS menonaktifkan (membayar lagi = pendaftaran baru). Berhenti: meninggal, pindah, menjadi pekerja penerima upah atau berhenti bekerja.</source>
        <translation>Active: that month is paid. Unpaid: 1 or 2 months not paid yet. Lapsed: 3 months unpaid, BPJS deactivates (paying again = a new registration). Ended: died, moved away, became a wage earner or stopped working.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>KPJ</source>
        <translation>KPJ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Desa/kelurahan</source>
        <translation>Village</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tunggakan</source>
        <translation>Arrears</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dibayar s.d.</source>
        <translation>Paid through</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Catat pembayaran…</source>
        <translation>Record a payment…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cocokkan tagihan BPJS…</source>
        <translation>Check the BPJS invoice…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Daftar perpanjangan…</source>
        <translation>Renewal list…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target dan anggaran…</source>
        <translation>Target and budget…</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Hampir nonaktif pada %1: %2 peserta menunggak 2 bulan, %3 menunggak 1 bulan</source>
        <translation>About to lapse in %1: %2 participants 2 months unpaid, %3 1 month unpaid</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Tidak ada peserta yang menunggak pada %1.</source>
        <translation>No participant has unpaid months in %1.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 bulan</source>
        <translation>%1 months</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../ui/dashboard_page.py" line="+88"/>
        <source>Muat ulang</source>
        <translation>Reload</translation>
    </message>
    <message>
        <location line="+114"/>
        <source>Rincian tidak bisa dibaca: %1</source>
        <translation>The details cannot be read: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Capaian kepesertaan — %1</source>
        <translation>Coverage — %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Per %1, dari basis data di komputer ini</source>
        <translation>As of %1, from the database on this computer</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>(tanpa nama)</source>
        <translation>(no name)</translation>
    </message>
    <message>
        <location line="-34"/>
        <source>terhitung dalam capaian</source>
        <translation>counted in the progress</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>bertanggal setelah minggu ini</source>
        <translation>dated after this week</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>sumber iuran %1</source>
        <translation>funding source %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>tanpa desa</source>
        <translation>no village</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>desa %1</source>
        <translation>village %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>kecamatan %1</source>
        <translation>kecamatan %1</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>tanpa kelompok</source>
        <translation>no target group</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>laki-laki</source>
        <translation>men</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>perempuan</source>
        <translation>women</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>umur %1</source>
        <translation>age %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>minggu mulai %1</source>
        <translation>week starting %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>draf petugas %1</source>
        <translation>drafts of officer %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>peringatan petugas %1</source>
        <translation>warnings of officer %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>draf/peringatan petugas %1</source>
        <translation>drafts/warnings of officer %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>konflik dari data petugas %1</source>
        <translation>conflicts from officer %1&apos;s data</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>petugas %1</source>
        <translation>officer %1</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../ui/dialogs.py" line="+90"/>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../ui/i18n/messages/refusals.py" line="+20"/>
        <source>Bukan berkas batch Jaring.</source>
        <translation>Not a Jaring batch file.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Berkas batch rusak atau terpotong. Minta petugas menulis ulang batch ini.</source>
        <translation>The batch file is damaged or incomplete. Ask the officer to rewrite this batch.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Berkas terlalu besar untuk sebuah batch.</source>
        <translation>The file is too large to be a batch.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Isi berkas batch tidak sesuai format Jaring.</source>
        <translation>The batch file&apos;s contents do not match the Jaring format.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Batch tidak terenkripsi; ditolak.</source>
        <translation>The batch is not encrypted; rejected.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keterangan batch (manifest) rusak.</source>
        <translation>The batch description (manifest) is damaged.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Perangkat pengirim tidak terdaftar atau sudah dicabut. Daftarkan perangkatnya dulu.</source>
        <translation>The sending device is not enrolled or has been revoked. Enrol the device first.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tanda tangan batch tidak cocok: berkas diubah setelah dibuat.</source>
        <translation>The batch signature does not match: the file was changed after it was created.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Isi batch berubah setelah ditandatangani.</source>
        <translation>The batch contents were changed after signing.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Batch ini dienkripsi untuk kabupaten lain.</source>
        <translation>This batch is encrypted for another regency.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Batch tidak bisa dibuka dengan kunci kabupaten.</source>
        <translation>The batch cannot be opened with the regency&apos;s key.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data pendaftaran di dalam batch rusak.</source>
        <translation>The registration data in the batch are damaged.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nomor batch ini sudah dipakai batch lain dari perangkat yang sama.</source>
        <translation>This batch number is already used by another batch from the same device.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Berkas tidak bisa dibaca. Periksa flashdisk, lalu coba lagi.</source>
        <translation>The file cannot be read. Check the USB stick, then try again.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Kabupaten sudah menyimpan batch lain dengan kode batch yang sama. Batch ini tidak digabung; hubungi kantor kabupaten.</source>
        <translation>The regency already holds another batch with the same batch id. This batch was not merged; contact the regency office.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Batch atau data itu milik perangkat petugas lain: perangkat hanya mengirim batch buatannya sendiri dan membaca kabarnya sendiri.</source>
        <translation>That batch or data belongs to another officer&apos;s device: a device sends only its own batches and reads only its own news.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Alamat pengiriman menyebut batch lain daripada isi berkasnya; tidak ada yang digabung. Kirim lagi; bila terulang, hubungi kantor kabupaten.</source>
        <translation>The upload address names another batch than the file holds; nothing was merged. Send again; if it happens again, contact the regency office.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Pengiriman terputus di tengah jalan; tidak ada yang digabung. Batch ini dikirim lagi lain kali.</source>
        <translation>The upload was cut off half way; nothing was merged. This batch is sent again next time.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Pengiriman terhenti terlalu lama sehingga diputus server; tidak ada yang digabung. Kirim lagi saat sinyal lebih baik.</source>
        <translation>The upload stalled too long and the server cut it off; nothing was merged. Send again when the signal is better.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Server menjawab dengan galat HTTP, bukan jawaban Jaring (alamat server salah?). Periksa alamat server kabupaten di Pengaturan.</source>
        <translation>The server answered with an HTTP error, not a Jaring answer (wrong server address?). Check the regency server address in the Settings.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Permintaan sampai tanpa tanda tangan perangkat. Bila terulang, hubungi kantor kabupaten.</source>
        <translation>The request arrived without the device&apos;s signature. If it happens again, contact the regency office.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tanda tangan perangkat tidak cocok dengan kunci yang didaftarkan di kabupaten (perangkat disiapkan ulang?). Hubungi kantor kabupaten untuk mendaftarkan perangkat ini lagi.</source>
        <translation>The device&apos;s signature does not match the key enrolled at the regency (was the device set up again?). Contact the regency office to enrol this device again.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Jam laptop berbeda jauh dengan jam server kabupaten. Atur tanggal, jam dan zona waktu laptop, lalu kirim lagi.</source>
        <translation>The laptop&apos;s clock is far from the regency server&apos;s. Set the laptop&apos;s date, time and time zone, then send again.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Server kabupaten tidak memahami permintaan ini. Bila terulang, laporkan ke kantor kabupaten.</source>
        <translation>The regency server did not understand this request. If it happens again, report it to the regency office.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Basis data kabupaten sedang sibuk. Coba lagi beberapa saat lagi.</source>
        <translation>The regency database is busy. Try again in a moment.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Server kabupaten mengalami galat. Coba lagi nanti; bila terulang, laporkan ke kantor kabupaten.</source>
        <translation>The regency server failed. Try again later; if it happens again, report it to the regency office.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Batch ditolak (%1).</source>
        <translation>Batch rejected (%1).</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Tanda terima tidak ditandatangani kantor kabupaten perangkat ini, atau telah diubah. Tanda terima itu diabaikan.</source>
        <extracomment>Codes only a receipt or an updates document has (`exchange.receipts`, `exchange.signed_updates`).</extracomment>
        <translation>The receipt is not signed by this device&apos;s regency office, or was altered. It was ignored.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tanda terima itu untuk perangkat petugas lain.</source>
        <translation>That receipt is for another officer&apos;s device.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tanda terima tidak cocok dengan batch yang keluar dari perangkat ini (nomor atau isinya lain); diabaikan. Batch itu dikirim lagi lain kali; bila terulang, hubungi kantor kabupaten.</source>
        <translation>The receipt does not match the batch that left this device (another number or content); it was ignored. That batch is sent again next time; if it happens again, contact the regency office.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Itu bukan tanda terima Jaring yang utuh; diabaikan.</source>
        <translation>That is not a whole Jaring receipt; it was ignored.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kabar dari kabupaten rusak atau bukan kabar Jaring; diabaikan. Minta kantor kabupaten menulisnya lagi.</source>
        <translation>The news from the regency is damaged or not Jaring news; it was ignored. Ask the regency office to write it again.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Hanya perangkat petugas yang membaca tanda terima dan kabar dari kabupaten.</source>
        <translation>Only an officer&apos;s device reads receipts and news from the regency.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hanya basis data kantor kabupaten yang menandatangani tanda terima dan kabar.</source>
        <translation>Only the regency office&apos;s database signs receipts and news.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Perangkat itu tidak terdaftar di kabupaten ini.</source>
        <translation>That device is not enrolled at this regency.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tanda terima tidak bisa dibaca. Periksa flashdisk, lalu coba lagi.</source>
        <translation>The receipt cannot be read. Check the USB stick, then try again.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tanda terima tidak bisa dipakai (%1).</source>
        <translation>The receipt cannot be used (%1).</translation>
    </message>
    <message>
        <location filename="../../ui/i18n/messages/errors.py" line="+49"/>
        <source>Ruang disk atau flashdisk penuh. Tidak ada yang berubah; kosongkan ruang lalu coba lagi.</source>
        <translation>The disk or USB stick is full. Nothing was changed; free up some space, then try again.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Berkas tidak bisa ditulis atau dibaca (flashdisk dicabut?). Tidak ada yang berubah; periksa lalu coba lagi.</source>
        <translation>The file could not be written or read (USB stick removed?). Nothing was changed; check, then try again.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Basis data ini sudah disiapkan sebelumnya; penyiapan hanya dilakukan sekali.</source>
        <translation>This database was already set up; setting up is done only once.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Basis data ini belum disiapkan untuk pengiriman batch (officer-init atau district-init).</source>
        <translation>This database is not set up for batch exchange yet (officer-init or district-init).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Perangkat ini sudah dicabut.</source>
        <translation>This device has been revoked.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Perangkat ini sudah terdaftar dengan kunci lain. Periksa berkasnya.</source>
        <translation>This device is already enrolled with a different key. Check the file.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Kunci ini sudah dipakai perangkat lain.</source>
        <translation>This key is already used by another device.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Perangkat tidak dikenal.</source>
        <translation>Unknown device.</translation>
    </message>
    <message>
        <location line="-50"/>
        <source>Folder kunci di samping basis data sudah berisi kunci, padahal basis data ini belum disiapkan. Tidak ada yang berubah; hubungi admin kabupaten.</source>
        <translation>The key folder beside the database already holds keys, although this database is not set up. Nothing was changed; contact the regency administrator.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Kunci perangkat tidak ditemukan atau tidak cocok. Hubungi admin kabupaten.</source>
        <translation>The device key was not found or does not match. Contact the regency administrator.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>NIK %1 sudah dipakai pendaftaran lain.</source>
        <translation>NIK %1 is already used by another registration.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Berkas atau isian tidak sah: %1</source>
        <translation>Invalid file or entry: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Terjadi kesalahan: %1</source>
        <translation>An error occurred: %1</translation>
    </message>
</context>
<context>
    <name>ExcelExport</name>
    <message>
        <location filename="../../ui/i18n/messages/jobs.py" line="+14"/>
        <source>Tidak ada pendaftaran yang cocok dengan pilihan ini. Tidak ada berkas yang ditulis.</source>
        <translation>No registration matches these choices. No file was written.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Folder tujuan tidak ada (flashdisk dicabut?). Pilih folder lain.</source>
        <translation>The destination folder does not exist (USB stick removed?). Choose another folder.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tujuan yang dipilih bukan folder.</source>
        <translation>The chosen destination is not a folder.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nama berkas yang dipilih adalah sebuah folder. Tulis nama berkas.</source>
        <translation>The chosen file name is a folder. Enter a file name.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Format berkas BPJS (templat) rusak. Hubungi admin kabupaten.</source>
        <translation>The BPJS file format (template) is damaged. Contact the regency administrator.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Berkas tidak bisa ditulis (flashdisk penuh atau berkas sedang dibuka di Excel?). Tidak ada berkas yang tertinggal; periksa lalu coba lagi.</source>
        <translation>The file could not be written (USB stick full, or the file open in Excel?). No file was left behind; check, then try again.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Status pendaftaran tidak bisa diubah menjadi diajukan, jadi berkas BPJS dihapus lagi. Tidak ada yang berubah; coba lagi.</source>
        <translation>The registrations could not be marked as submitted, so the BPJS files were deleted again. Nothing was changed; try again.</translation>
    </message>
</context>
<context>
    <name>ExcelExportDialog</name>
    <message>
        <location filename="../../ui/excel_export_dialog.py" line="+64"/>
        <source>Ekspor Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Daftar induk: semua data pendaftaran dalam satu berkas</source>
        <translation>Master list: all registration data in one file</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Berkas kolektif untuk BPJS (unggah massal SIPP)</source>
        <translation>Collective files for BPJS (SIPP bulk upload)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Semua status</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kecamatan:</source>
        <translation>District (kecamatan):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Desa:</source>
        <translation>Village (desa):</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Ikutkan pendaftaran berstatus:</source>
        <translation>Include registrations with the status:</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Satu berkas memuat paling banyak 10.000 baris, batas unggah BPJS; lebih dari itu dibagi ke beberapa berkas.</source>
        <translation>One file holds at most 10,000 rows, the BPJS upload limit; more rows are split over several files.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Tandai sebagai diajukan (submitted)</source>
        <translation>Mark as submitted</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Bila dicentang, setiap pendaftaran di berkas ini berubah status menjadi “Diajukan ke BPJS” dan tercatat di riwayat. Centang hanya bila berkasnya memang akan diunggah ke BPJS sekarang.</source>
        <translation>When ticked, every registration in these files changes its status to “Submitted to BPJS”, and this is recorded in the history. Tick it only if the files really are going to be uploaded to BPJS now.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ekspor…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Semua kecamatan</source>
        <translation>All districts</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Semua desa</source>
        <translation>All villages</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Simpan daftar induk</source>
        <translation>Save the master list</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Menulis daftar induk…</source>
        <translation>Writing the master list…</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+18"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>Pilih folder untuk berkas BPJS</source>
        <translation>Choose a folder for the BPJS files</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Menulis berkas BPJS…</source>
        <translation>Writing the BPJS files…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Daftar induk tersimpan</source>
        <translation>Master list saved</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 pendaftaran tersimpan di:
%2</source>
        <translation>%1 registration(s) saved to:
%2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 pendaftaran dalam %2 berkas tersimpan di folder:
%3</source>
        <translation>%1 registration(s) in %2 file(s) saved to the folder:
%3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 pendaftaran sekarang berstatus “Diajukan ke BPJS”.</source>
        <translation>%1 registration(s) now have the status “Submitted to BPJS”.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 tidak diubah statusnya: sudah diajukan atau terdaftar, atau diubah orang lain saat ekspor berjalan.</source>
        <translation>%1 kept their status: already submitted or registered, or changed by someone else while the export was running.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Berkas BPJS tersimpan</source>
        <translation>BPJS files saved</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Dibatalkan. Tidak ada berkas yang ditulis.</source>
        <translation>Cancelled. No file was written.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ekspor gagal</source>
        <translation>Export failed</translation>
    </message>
</context>
<context>
    <name>ExcelImport</name>
    <message>
        <location filename="../../ui/i18n/messages/jobs.py" line="+11"/>
        <source>Berkas ini bukan buku kerja Excel (.xlsx). Buka di Excel atau LibreOffice, simpan sebagai .xlsx, lalu impor berkas itu.</source>
        <translation>This file is not an Excel workbook (.xlsx). Open it in Excel or LibreOffice, save it as .xlsx, then import that file.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Berkas ini format Excel lama (.xls). Buka di Excel atau LibreOffice, simpan sebagai .xlsx, lalu impor berkas itu.</source>
        <translation>This file is in the old Excel format (.xls). Open it in Excel or LibreOffice, save it as .xlsx, then import that file.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Berkas ini dikunci dengan kata sandi. Buka di Excel, hapus kata sandinya (Simpan Sebagai tanpa kata sandi), lalu impor salinan itu.</source>
        <translation>This file is locked with a password. Open it in Excel, remove the password (Save As without a password), then import that copy.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Berkas atau lembar ini kosong. Salin ulang berkasnya.</source>
        <translation>The file or sheet is empty. Copy the file again.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lembar yang dipilih tidak ada di berkas ini.</source>
        <translation>The chosen sheet is not in this file.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Baris judul kolom tidak ditemukan di 10 baris pertama. Tulis judul kolom (NIK, Nama, Tanggal Lahir, …) dalam satu baris di atas data.</source>
        <translation>No row of column headings was found in the first 10 rows. Write the column headings (NIK, Nama, Tanggal Lahir, …) in one row above the data.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Lembar ini terlalu banyak barisnya. Bagi menjadi beberapa berkas lalu impor satu per satu.</source>
        <translation>This sheet has too many rows. Split it into several files, then import them one at a time.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Berkas rusak atau tidak lengkap (penyalinan terputus?). Salin ulang atau simpan ulang dari Excel.</source>
        <translation>The file is damaged or incomplete (copying interrupted?). Copy it again, or save it again from Excel.</translation>
    </message>
    <message>
        <location filename="../../ui/excel_import/texts.py" line="+19"/>
        <source>Tempat, tanggal lahir</source>
        <translation>Place and date of birth</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>RT/RW</source>
        <translation>RT/RW</translation>
    </message>
</context>
<context>
    <name>ExcelImportDialog</name>
    <message>
        <location filename="../../ui/excel_import_page.py" line="+56"/>
        <source>Impor daftar dari desa</source>
        <translation>Import a village list</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Pilih daftar dari desa</source>
        <translation>Choose the village list</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Membaca %1…</source>
        <translation>Reading %1…</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+64"/>
        <location line="+7"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="-48"/>
        <source>Berkas tidak bisa dibaca</source>
        <translation>The file cannot be read</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Kolom ganda</source>
        <translation>Field chosen twice</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 dipilih untuk lebih dari satu kolom. Pilih satu kolom saja.</source>
        <translation>%1 is chosen for more than one column. Choose it for one column only.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Impor %1 pendaftaran dari %2 ke daftar induk? %3 siap dan %4 sebagai draf.</source>
        <translation>Import %1 registration(s) from %2 into the master list? %3 ready and %4 as drafts.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 baris ditolak atau duplikat tidak diimpor.</source>
        <translation>%1 rejected or duplicate row(s) will not be imported.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Impor pendaftaran?</source>
        <translation>Import registrations?</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Impor</source>
        <translation>Import</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Menyimpan pendaftaran…</source>
        <translation>Saving the registrations…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Impor selesai</source>
        <translation>Import finished</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 pendaftaran masuk ke daftar induk: %2 siap kirim, %3 sebagai draf.</source>
        <translation>%1 registration(s) added to the master list: %2 ready to send, %3 as drafts.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 baris dilewati: NIK-nya terdaftar sejak berkas dibaca.</source>
        <translation>%1 row(s) skipped: their NIK was registered after the file was read.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Impor gagal</source>
        <translation>Import failed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tidak ada pendaftaran yang masuk.</source>
        <translation>No registration was imported.</translation>
    </message>
</context>
<context>
    <name>FieldWidgets</name>
    <message>
        <location filename="../../ui/registration_form/fields.py" line="+67"/>
        <source>16 angka, sesuai KTP</source>
        <translation>16 digits, as on the KTP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>16 angka, dari Kartu Keluarga</source>
        <translation>16 digits, from the family card (Kartu Keluarga)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jalan, nomor rumah, dusun</source>
        <translation>Street, house number, hamlet (dusun)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>boleh kosong</source>
        <translation>optional</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Pekerja menyetujui pemrosesan datanya</source>
        <translation>The worker consents to the processing of their data</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pekerja sektor transportasi (ojol, ojek, sopir, kurir)</source>
        <translation>Works in transport (ride-hailing, motorbike taxi, driver, courier)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saat ini bekerja (pernyataan pekerja)</source>
        <translation>Working now (the worker&apos;s declaration)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sudah pernah jadi peserta BPJS Ketenagakerjaan</source>
        <translation>Was a BPJS Ketenagakerjaan participant before</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>11 angka, dari kartu lama</source>
        <translation>11 digits, from the old card</translation>
    </message>
</context>
<context>
    <name>FileStep</name>
    <message>
        <location filename="../../ui/excel_import/file_step.py" line="+26"/>
        <source>Lembar:</source>
        <translation>Sheet:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Berkas lain…</source>
        <translation>Other file…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Berkas: %1</source>
        <translation>File: %1</translation>
    </message>
</context>
<context>
    <name>FirstRunPassphraseDialog</name>
    <message>
        <location filename="../../ui/passphrase_dialogs.py" line="-127"/>
        <source>Selamat datang di Jaring</source>
        <translation>Welcome to Jaring</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Jaring menyimpan NIK, nomor KK dan data pribadi lain. Supaya tidak terbaca oleh siapa pun jika komputer ini hilang atau dicuri, semua data disimpan terenkripsi dan dibuka dengan kata sandi Anda.</source>
        <translation>Jaring keeps NIKs, family card numbers and other personal data. So that nobody can read them if this computer is lost or stolen, all data is stored encrypted and opened with your passphrase.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Lanjut</source>
        <translation>Next</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Laptop petugas lapangan</source>
        <translation>A field officer&apos;s laptop</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Komputer kantor kabupaten</source>
        <translation>The regency office&apos;s computer</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Komputer ini</source>
        <translation>This computer</translation>
    </message>
</context>
<context>
    <name>FiscalYearDialog</name>
    <message>
        <location filename="../../ui/programme/fiscal_year_dialog.py" line="+37"/>
        <source>Target dan anggaran per tahun</source>
        <translation>Target and budget per year</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>mis. APBD-P 2026</source>
        <translation>e.g. APBD-P 2026</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tahun anggaran</source>
        <translation>Fiscal year</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target peserta</source>
        <translation>Target (workers)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Anggaran iuran (Rp)</source>
        <translation>Contributions budget (Rp)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Catatan</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tahun</source>
        <translation>Year</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Anggaran</source>
        <translation>Budget</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Diubah (APBD-P)</source>
        <translation>Revised (APBD-P)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Belum ditetapkan: target dari pengaturan.</source>
        <translation>Not set yet: the target of the settings.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Diubah di tengah tahun pada %1.</source>
        <translation>Revised mid-year on %1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ditetapkan; mengubahnya dicatat sebagai APBD-P.</source>
        <translation>Set; a change is recorded as the revised budget (APBD-P).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Tidak tersimpan</source>
        <translation>Not saved</translation>
    </message>
</context>
<context>
    <name>FormAutosave</name>
    <message>
        <location filename="../../ui/registration_form/form_autosave.py" line="+56"/>
        <location line="+8"/>
        <source>Simpan otomatis gagal: periksa ruang disk.</source>
        <translation>Autosave failed: check the free disk space.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>(tanpa nama)</source>
        <translation>(no name)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pulihkan isian?</source>
        <translation>Restore entries?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ada isian formulir yang belum disimpan dari sesi sebelumnya: %1. Pulihkan?</source>
        <translation>There are unsaved form entries from the previous session: %1. Restore them?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Pulihkan</source>
        <translation>Restore</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Buang</source>
        <translation>Discard</translation>
    </message>
</context>
<context>
    <name>FormSheet</name>
    <message>
        <location filename="../../ui/registration_form/sheet.py" line="+48"/>
        <source>Identitas</source>
        <translation>Identity</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alamat</source>
        <translation>Address</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pekerjaan dan penghasilan</source>
        <translation>Work and income</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Program dan iuran</source>
        <translation>Programmes and contribution</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ahli waris</source>
        <translation>Heir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pernyataan dan persetujuan</source>
        <translation>Declarations and consent</translation>
    </message>
    <message>
        <location line="+95"/>
        <source>JKK (Jaminan Kecelakaan Kerja)</source>
        <translation>JKK (Work Accident Insurance)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>JKM (Jaminan Kematian)</source>
        <translation>JKM (Death Insurance)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Program</source>
        <translation>Programmes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kode segmen</source>
        <translation>Segment code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Iuran</source>
        <translation>Contribution</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Data dipakai hanya untuk pendaftaran dan kepesertaan BPJS Ketenagakerjaan, sesuai UU 27/2022 tentang Pelindungan Data Pribadi. Bacakan ini kepada pekerja.</source>
        <translation>The data are used only for registration and membership in BPJS Ketenagakerjaan, under Law 27/2022 on Personal Data Protection. Read this out to the worker.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Isi penghasilan untuk melihat iuran.</source>
        <translation>Enter the income to see the contribution.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Upah dasar iuran: %1</source>
        <translation>Contribution base wage: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 per bulan</source>
        <translation>%1 per month</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Dibayar per %1 bulan: %2</source>
        <translation>Paid every %1 months: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Tarif %1 (belum dipastikan)</source>
        <translation>Rates: %1 (not yet confirmed)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>(belum dipastikan kantor cabang BPJS)</source>
        <translation>(not yet confirmed by the BPJS branch office)</translation>
    </message>
</context>
<context>
    <name>GroupsCard</name>
    <message>
        <location filename="../../ui/dashboard/people_cards.py" line="+21"/>
        <source>Kelompok sasaran</source>
        <translation>Target group</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Tidak diisi</source>
        <translation>Not filled in</translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <location filename="../../ui/import_page.py" line="+36"/>
        <source>masuk</source>
        <translation>imported</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sudah pernah masuk</source>
        <translation>already imported</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DITOLAK</source>
        <translation>REJECTED</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Petugas</source>
        <translation>Officer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Batch ke</source>
        <translation>Batch no.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Berkas</source>
        <translation>File</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hasil</source>
        <translation>Result</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Baru</source>
        <translation>New</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Diperbarui</source>
        <translation>Updated</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Usang</source>
        <translation>Outdated</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Konflik</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keterangan</source>
        <translation>Details</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Impor berkas…</source>
        <translation>Import files…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Impor folder…</source>
        <translation>Import folder…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tulis tanda terima ke folder batch</source>
        <translation>Write receipts to the batch folder</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tanda terima bertanda tangan kabupaten ikut kembali ke petugas di flashdisk yang sama, agar petugas tahu batch mana yang sudah diterima, bersama kabar terbaru tentang pendaftarannya (nomor KPJ, penolakan).</source>
        <translation>The regency&apos;s signed receipts go back to the officers on the same USB stick, so that they know which batches have arrived, together with the latest news about their registrations (KPJ numbers, rejections).</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Pilih berkas batch</source>
        <translation>Choose batch files</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Pilih folder</source>
        <translation>Choose a folder</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Mengimpor batch…</source>
        <translation>Importing batches…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 batch masuk, %2 sudah pernah, %3 ditolak; %4 pendaftaran baru, %5 diperbarui, %6 konflik.</source>
        <translation>Batches: %1 imported, %2 already imported, %3 rejected. Registrations: %4 new, %5 updated, %6 in conflict.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Tanda terima ditulis untuk %1 perangkat.</source>
        <translation>Receipts written for %1 device(s).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tanda terima tidak bisa ditulis ke %1 (%2); batch tetap sudah masuk.</source>
        <translation>Receipts could not be written to %1 (%2); the batches were imported all the same.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Kabar untuk petugas tidak bisa ditulis ke %1 (%2); batch tetap sudah masuk.</source>
        <translation>The news for the officers could not be written to %1 (%2); the batches were imported all the same.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Tidak ada batch yang hilang.</source>
        <translation>No batches are missing.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: batch %2 belum diterima.</source>
        <translation>%1: batches not received yet: %2.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Impor gagal</source>
        <translation>Import failed</translation>
    </message>
</context>
<context>
    <name>KpjImport</name>
    <message>
        <location filename="../../ui/excel_import/kpj.py" line="+42"/>
        <source>Pilih berkas hasil BPJS (KPJ)</source>
        <translation>Choose the BPJS result file (KPJ)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Memeriksa %1…</source>
        <translation>Checking %1…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mencatat nomor KPJ…</source>
        <translation>Recording the KPJ numbers…</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+57"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="-52"/>
        <source>%1 baris terbaca dari %2.</source>
        <translation>%1 row(s) read from %2.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 pendaftaran mendapat nomor KPJ dan berstatus Terdaftar.</source>
        <translation>%1 registration(s) get a KPJ number and the status Registered.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 sudah tercatat dengan KPJ yang sama.</source>
        <translation>%1 already recorded with the same KPJ.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 NIK tidak ada di daftar induk; dilewati.</source>
        <translation>%1 NIK(s) not in the master list; skipped.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 konflik (KPJ atau NIK ganda); dilewati, lihat rinciannya.</source>
        <translation>%1 conflict(s) (KPJ or NIK given twice); skipped, see the details.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 masalah pada baris yang tidak terbaca; lihat rinciannya.</source>
        <translation>%1 problem(s) in rows that could not be read; see the details.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n/messages/jobs.py" line="+11"/>
        <source>pendaftaran ini sudah punya KPJ lain (%1)</source>
        <translation>this registration already has another KPJ (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>KPJ yang sama diberikan ke dua NIK di berkas</source>
        <translation>the same KPJ is given to two NIKs in the file</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>KPJ ini sudah dipakai pendaftaran lain</source>
        <translation>this KPJ is already used by another registration</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NIK ini mendapat dua KPJ berbeda di berkas</source>
        <translation>this NIK gets two different KPJs in the file</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NIK ini dipakai dua pendaftaran; selesaikan dulu</source>
        <translation>this NIK is used by two registrations; resolve that first</translation>
    </message>
    <message>
        <location filename="../../ui/excel_import/kpj.py" line="+12"/>
        <source>Baris %1: NIK %2, KPJ %3: %4</source>
        <translation>Row %1: NIK %2, KPJ %3: %4</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Baris %1: %2</source>
        <translation>Row %1: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Baris %1: NIK %2 tidak dikenal</source>
        <translation>Row %1: unknown NIK %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>… dan %1 lainnya.</source>
        <translation>… and %1 more.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Tidak ada yang dicatat</source>
        <translation>Nothing to record</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tidak ada yang berubah.</source>
        <translation>Nothing was changed.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Catat hasil BPJS?</source>
        <translation>Record the BPJS results?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Catat sekarang?</source>
        <translation>Record them now?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Catat</source>
        <translation>Record</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Hasil BPJS tercatat</source>
        <translation>BPJS results recorded</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Kolom NIK dan Nomor KPJ tidak ditemukan di 10 baris pertama lembar mana pun. Berkas ini hasil dari BPJS?</source>
        <translation>The NIK and Nomor KPJ columns were not found in the first 10 rows of any sheet. Is this a result file from BPJS?</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Hasil BPJS tidak bisa dibaca</source>
        <translation>The BPJS results cannot be read</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../models/vocabulary.py" line="+26"/>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nomor KK</source>
        <translation>Family card no. (KK)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nama lengkap (sesuai KTP)</source>
        <translation>Full name (as on the KTP)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tempat lahir</source>
        <translation>Place of birth</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tanggal lahir</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jenis kelamin</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status perkawinan</source>
        <translation>Marital status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nama ibu kandung</source>
        <translation>Birth mother&apos;s name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alamat</source>
        <translation>Address</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>RT</source>
        <translation>RT</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>RW</source>
        <translation>RW</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kecamatan</source>
        <translation>District</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Desa/Kelurahan</source>
        <translation>Village/kelurahan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kode pos</source>
        <translation>Postal code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No. HP</source>
        <translation>Mobile no.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pekerjaan</source>
        <translation>Occupation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kelompok sasaran</source>
        <translation>Target group</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Penghasilan per bulan (Rp)</source>
        <translation>Monthly income (Rp)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JHT (Jaminan Hari Tua, pilihan)</source>
        <translation>JHT (Old Age Security, optional)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sumber iuran</source>
        <translation>Funding source</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nama perusahaan (CSR)</source>
        <translation>Company name (CSR)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Periode bayar</source>
        <translation>Payment period</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nama ahli waris</source>
        <translation>Heir&apos;s name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hubungan</source>
        <translation>Relationship</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No. HP ahli waris</source>
        <translation>Heir&apos;s mobile no.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Persetujuan</source>
        <translation>Consent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pekerja sektor transportasi</source>
        <translation>Works in transport</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saat ini bekerja</source>
        <translation>Working now</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pernah jadi peserta BPJS TK</source>
        <translation>Former BPJS TK participant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nomor KPJ lama</source>
        <translation>Old KPJ number</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nomor KPJ</source>
        <translation>KPJ number</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>L — Laki-laki</source>
        <translation>M — Male</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P — Perempuan</source>
        <translation>F — Female</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Belum kawin</source>
        <translation>Single</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kawin</source>
        <translation>Married</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cerai hidup</source>
        <translation>Divorced</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cerai mati</source>
        <translation>Widowed</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Petani / pekebun</source>
        <translation>Farmer / planter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nelayan</source>
        <translation>Fisher</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Peternak</source>
        <translation>Livestock farmer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Usaha mikro dan kecil (UMKM)</source>
        <translation>Micro or small business (UMKM)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Atlet / olahragawan</source>
        <translation>Athlete / sportsperson</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pegawai non-ASN</source>
        <translation>Non-civil-servant staff (non-ASN)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warga miskin / rentan</source>
        <translation>Poor / vulnerable resident</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pekerja informal lainnya</source>
        <translation>Other informal worker</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>APBD kabupaten</source>
        <translation>Regency budget (APBD)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>APBDes (anggaran desa)</source>
        <translation>APBDes (village budget)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DBH Sawit (lewat APBD kabupaten)</source>
        <translation>DBH Sawit (palm-oil revenue share, through the regency budget)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSR perusahaan</source>
        <translation>Company CSR</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mandiri (bayar sendiri)</source>
        <translation>Self-paid (mandiri)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Suami/istri</source>
        <translation>Spouse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Anak</source>
        <translation>Child</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Orang tua</source>
        <translation>Parent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saudara kandung</source>
        <translation>Sibling</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lainnya</source>
        <translation>Other</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>1 bulan</source>
        <translation>1 month</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>3 bulan</source>
        <translation>3 months</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>6 bulan</source>
        <translation>6 months</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>12 bulan</source>
        <translation>12 months</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Draf</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Siap kirim</source>
        <translation>Ready to send</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sudah diekspor</source>
        <translation>Exported</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Diterima kabupaten</source>
        <translation>Received by regency</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Diajukan ke BPJS</source>
        <translation>Submitted to BPJS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Terdaftar</source>
        <translation>Registered</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ditolak</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ya</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tidak</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../ui/i18n/messages/problem_texts.py" line="+8"/>
        <source>NIK sama, pendaftaran lain</source>
        <translation>Same NIK, different registration</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nama dan tanggal lahir sama</source>
        <translation>Same name and date of birth</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nama mirip, desa dan tahun lahir sama</source>
        <translation>Similar name, same village and birth year</translation>
    </message>
</context>
<context>
    <name>LifeEventDialog</name>
    <message>
        <location filename="../../ui/programme/life_event_dialog.py" line="+42"/>
        <source>Catat peristiwa peserta</source>
        <translation>Record a life event</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> dan %1 lainnya</source>
        <translation> and %1 more</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 peserta: %2</source>
        <translation>%1 participants: %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>mis. nomor surat keterangan kematian</source>
        <translation>e.g. the number of the death certificate</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Peristiwa</source>
        <translation>Event</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Catatan</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Peserta yang meninggal, pindah, menjadi pekerja penerima upah atau berhenti bekerja tidak dihitung aktif dan tidak ditagih mulai bulan berikutnya. Peristiwa ini ikut terkirim ke kabupaten atau ke petugas.</source>
        <translation>A participant who died, moved away, became a wage earner or stopped working is no longer counted active nor billed from the next month on. The event travels to the regency office or to the officer.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Peristiwa tidak dicatat</source>
        <translation>Event not recorded</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Peristiwa dicatat</source>
        <translation>Event recorded</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cetak keterangan untuk ahli waris (data ahli waris dan dokumen klaim JKM)?</source>
        <translation>Print the note for the heirs (the heir&apos;s data and the documents of a JKM claim)?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cetak</source>
        <translation>Print</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Nanti</source>
        <translation>Later</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keterangan untuk ahli waris</source>
        <translation>Note for the heirs</translation>
    </message>
</context>
<context>
    <name>LockPrompt</name>
    <message>
        <location filename="../../ui/idle_lock.py" line="+136"/>
        <source>Jaring terkunci</source>
        <extracomment>Events that show someone is at the keyboard or mouse.</extracomment>
        <translation>Jaring is locked</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Jaring dikunci karena tidak dipakai. Ketik kata sandi %1.</source>
        <translation>Jaring was locked because it was not in use. Type %1&apos;s passphrase.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Jaring dikunci karena tidak dipakai. Ketik kata sandi supervisor.</source>
        <translation>Jaring was locked because it was not in use. Type a supervisor&apos;s passphrase.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Buka kunci</source>
        <translation>Unlock</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="+42"/>
        <source>Jaring — pendaftaran pekerja rentan ke BPJS Ketenagakerjaan</source>
        <translation>Jaring — registering vulnerable workers with BPJS Ketenagakerjaan</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Dasbor</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Daftar pekerja</source>
        <translation>Worker list</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Formulir pendaftaran</source>
        <translation>Registration form</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Pertukaran data</source>
        <translation>Data exchange</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Batch kirim</source>
        <translation>Outgoing batches</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Impor batch</source>
        <translation>Batch import</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Konflik</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Perangkat petugas</source>
        <translation>Officer devices</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="+39"/>
        <source>&amp;Berkas</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Pendaftaran &amp;baru</source>
        <translation>&amp;New registration</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Daftar pekerja</source>
        <translation>Worker &amp;list</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Pengaturan…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Kel&amp;uar</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Cetak</source>
        <translation>&amp;Print</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Formulir &amp;kosong…</source>
        <translation>&amp;Blank form…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Daftar &amp;nominatif…</source>
        <translation>&amp;Nominative list…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Cetak formulir…</source>
        <translation>&amp;Print form…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Kirim ke kabupaten</source>
        <translation>Sen&amp;d to the regency</translation>
    </message>
    <message>
        <location line="-48"/>
        <source>E&amp;xcel</source>
        <translation>E&amp;xcel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Ekspor Excel…</source>
        <translation>&amp;Export to Excel…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Impor daftar dari desa…</source>
        <translation>&amp;Import a village list…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Impor &amp;hasil BPJS (KPJ)…</source>
        <translation>Import BPJS &amp;results (KPJ)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Ubah</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Cada&amp;ngkan…</source>
        <translation>Bac&amp;k up…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pu&amp;lihkan cadangan…</source>
        <translation>Resto&amp;re backup…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Ganti kata sandi…</source>
        <translation>Chan&amp;ge passphrase…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Akun pengguna…</source>
        <translation>User &amp;accounts…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Batalkan penghapusan</source>
        <translation>&amp;Undo delete</translation>
    </message>
    <message>
        <location line="-83"/>
        <source>Ban&amp;tuan</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Tentang Jaring</source>
        <translation>&amp;About Jaring</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="+65"/>
        <source>%1 terhitung dari target %2</source>
        <translation>%1 counted of target %2</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Isian belum disimpan</source>
        <translation>Unsaved entries</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Formulir berisi isian yang belum disimpan.</source>
        <translation>The form has entries that are not saved yet.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Simpan sebagai draf</source>
        <translation>Save as draft</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Buang</source>
        <translation>Discard</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+47"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Hapus pendaftaran?</source>
        <translation>Delete registration?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hapus pendaftaran %1 (NIK %2)? Data ditandai terhapus dan tetap tercatat di riwayat.</source>
        <translation>Delete the registration of %1 (NIK %2)? It is marked as deleted and stays in the history.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Hapus</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Gagal menghapus</source>
        <translation>Could not delete</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+35"/>
        <source>Basis data tidak bisa ditulis. Periksa ruang disk, lalu coba lagi.</source>
        <translation>The database cannot be written. Check the free disk space, then try again.</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>Pendaftaran %1 dihapus. Ctrl+Z membatalkan.</source>
        <translation>Registration %1 deleted. Ctrl+Z undoes it.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Tidak bisa dibatalkan</source>
        <translation>Cannot undo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NIK %1 sudah dipakai lagi oleh pendaftaran %2.</source>
        <translation>NIK %1 is now held by registration %2.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Gagal membatalkan</source>
        <translation>Undo failed</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Pendaftaran %1 dikembalikan.</source>
        <translation>Registration %1 restored.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Draf tersimpan: %1</source>
        <translation>Draft saved: %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tersimpan: %1</source>
        <translation>Saved: %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Bahasa</source>
        <translation>Language</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Bahasa baru dipakai setelah Jaring dibuka ulang.</source>
        <translation>The new language applies after Jaring is restarted.</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="+6"/>
        <source>Tentang Jaring</source>
        <translation>About Jaring</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>Jaring mendaftarkan pekerja informal dan rentan ke BPJS Ketenagakerjaan, juga tanpa internet. Data wilayah: idn-area-data (ODbL 1.0).</source>
        <translation>Jaring registers informal and vulnerable workers with BPJS Ketenagakerjaan, even without internet access. Region data: idn-area-data (ODbL 1.0).</translation>
    </message>
</context>
<context>
    <name>MappingStep</name>
    <message>
        <location filename="../../ui/excel_import/mapping_step.py" line="+42"/>
        <source>Beberapa judul kolom tidak dikenali. Pilih isian Jaring untuk setiap kolom, atau “Abaikan” bila kolom itu tidak perlu dibaca. Pilihan ini diingat untuk berkas berikutnya.</source>
        <translation>Some column headings were not recognised. Choose a Jaring field for each column, or “Ignore” if the column need not be read. These choices are remembered for the next files.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Lanjut</source>
        <translation>Next</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>&lt;b&gt;Kolom di berkas&lt;/b&gt;</source>
        <translation>&lt;b&gt;Column in the file&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;Isian Jaring&lt;/b&gt;</source>
        <translation>&lt;b&gt;Jaring field&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;Contoh isi&lt;/b&gt;</source>
        <translation>&lt;b&gt;Sample values&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Abaikan</source>
        <translation>Ignore</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> (sudah dari kolom lain)</source>
        <translation> (already from another column)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>(tanpa judul)</source>
        <translation>(no heading)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>(kosong)</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Kolom wajib yang belum ditemukan: %1. Tanpa kolom itu setiap baris akan ditolak.</source>
        <translation>Required columns not found yet: %1. Without them every row will be rejected.</translation>
    </message>
</context>
<context>
    <name>NewPassphraseFields</name>
    <message>
        <location filename="../../ui/passphrase_dialogs.py" line="-112"/>
        <source>Kata sandi baru</source>
        <translation>New passphrase</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ulangi kata sandi</source>
        <translation>Repeat passphrase</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Kata sandi minimal %1 karakter.</source>
        <translation>The passphrase needs at least %1 characters.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kedua kata sandi tidak sama. Ketik ulang.</source>
        <translation>The two passphrases differ. Type them again.</translation>
    </message>
</context>
<context>
    <name>OfficersCard</name>
    <message>
        <location filename="../../ui/dashboard/officers_card.py" line="+34"/>
        <source>Kinerja petugas</source>
        <extracomment>Rows shown before the table scrolls.</extracomment>
        <translation>Officer activity</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Petugas</source>
        <translation>Officer</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pendaftaran</source>
        <translation>Registrations</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Draf</source>
        <translation>Drafts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Peringatan</source>
        <translation>Warnings</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Draf/peringatan</source>
        <translation>Drafts/warnings</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Konflik</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Per hari aktif</source>
        <translation>Per active day</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Per minggu aktif</source>
        <translation>Per active week</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Hari aktif</source>
        <translation>Active days</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Terakhir</source>
        <translation>Latest</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>terbuka</source>
        <translation>open</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(tanpa nama)</source>
        <translation>(no name)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Semua pendaftaran yang belum dihapus, draf termasuk, menurut petugas yang membuatnya. Peringatan: pendaftaran yang membawa peringatan yang dikonfirmasi. Draf/peringatan: bagian yang masih draf atau membawa peringatan. Konflik: antrean konflik kabupaten dari data petugas itu (klik: pendaftaran yang terlibat).</source>
        <translation>Every registration not deleted, drafts included, by the officer who created it. Warnings: registrations carrying confirmed warnings. Drafts/warnings: the share still in draft or carrying warnings. Conflicts: the regency&apos;s conflict queue from that officer&apos;s data (click: the registrations involved).</translation>
    </message>
</context>
<context>
    <name>Passphrase</name>
    <message>
        <location filename="../../ui/passphrase_dialogs.py" line="-48"/>
        <source>petugas</source>
        <translation>officer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>staf</source>
        <translation>staff</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>supervisor</source>
        <translation>supervisor</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Kata sandi minimal %1 karakter. Paling mudah sebuah kalimat pendek yang Anda ingat, misalnya “padi kuning di sukamara”.</source>
        <translation>The passphrase needs at least %1 characters. Easiest is a short sentence you remember, for example “padi kuning di sukamara”.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Jika lupa, hanya kode pemulihan (ditampilkan sekali sesudah ini, untuk dicetak dan disimpan) yang bisa membuka data ini lagi.</source>
        <translation>If it is forgotten, only the recovery code (shown once after this, to print and keep) can open this data again.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Jika lupa, hanya kantor kabupaten yang bisa membuka laptop ini lagi.</source>
        <translation>If it is forgotten, only the regency office can open this laptop again.</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_dialog.py" line="+55"/>
        <source>Kata sandi salah.</source>
        <translation>Wrong passphrase.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kata sandi minimal %1 karakter.</source>
        <translation>The passphrase needs at least %1 characters.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kata sandi ini sudah dipakai akun lain; pilih yang lain.</source>
        <translation>Another account already uses this passphrase; choose another.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Berkas kunci di samping basis data (.keys) tidak ada. Tanpa berkas itu data tidak bisa dibuka: kembalikan berkasnya dari cadangan.</source>
        <translation>The key file beside the database (.keys) is missing. Without it the data cannot be opened: bring the file back from a backup.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Berkas kunci di samping basis data (.keys) rusak atau tidak dikenal.</source>
        <translation>The key file beside the database (.keys) is damaged or unknown.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Akun itu tidak ada.</source>
        <translation>That account does not exist.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sudah ada akun dengan nama itu.</source>
        <translation>An account with that name exists already.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supervisor terakhir tidak bisa dihapus: harus ada yang bisa mengelola akun.</source>
        <translation>The last supervisor cannot be deleted: someone must be able to manage accounts.</translation>
    </message>
</context>
<context>
    <name>PassphraseEdit</name>
    <message>
        <location line="+18"/>
        <source>Tampilkan</source>
        <translation>Show</translation>
    </message>
</context>
<context>
    <name>PassphrasePrompt</name>
    <message>
        <location line="+58"/>
        <source>Kata sandi</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Ketik kata sandi Anda.</source>
        <translation>Type your passphrase.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Kata sandi salah.</source>
        <translation>Wrong passphrase.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>%1 Silakan coba lagi.</source>
        <translation>%1 Please try again.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 Coba lagi dalam %2 detik.</source>
        <translation>%1 Try again in %2 seconds.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tunggu %1 detik</source>
        <translation>Wait %1 seconds</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <location filename="../../ui/programme/payment_dialog.py" line="+47"/>
        <source>Catat pembayaran iuran</source>
        <translation>Record a contributions payment</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>mis. nomor SP2D atau bukti transfer</source>
        <translation>e.g. the SP2D number or the transfer receipt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dari bulan</source>
        <translation>From month</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sampai bulan</source>
        <translation>To month</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tanggal dibayar</source>
        <translation>Paid on</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sumber iuran</source>
        <translation>Funding source</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+10"/>
        <source>Kecamatan</source>
        <translation>District</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Catatan</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pembayaran dicatat untuk peserta terdaftar (ber-KPJ) yang dipilih, untuk bulan-bulan yang belum dibayar. Peserta yang sudah nonaktif atau berhenti tidak ikut.</source>
        <translation>The payment is recorded for the chosen registered participants (with a KPJ), for the months not paid yet. Participants who lapsed or ended are left out.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Simpan pembayaran</source>
        <translation>Save the payment</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bulan</source>
        <translation>Month</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Dibayar</source>
        <translation>Paid on</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sumber</source>
        <translation>Source</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Peserta</source>
        <translation>Participants</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Jumlah</source>
        <translation>Total</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Pembayaran yang sudah dicatat</source>
        <translation>Payments recorded</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Pembayaran tidak dicatat</source>
        <translation>Payment not recorded</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Pembayaran %1 sampai %2 dicatat untuk %3 peserta: %4.</source>
        <translation>Payment for %1 to %2 recorded for %3 participants: %4.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 peserta tidak ikut (nonaktif atau berhenti).</source>
        <translation>%1 participants left out (lapsed or ended).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 peserta sudah dibayar untuk bulan-bulan itu.</source>
        <translation>%1 participants were already paid for those months.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pembayaran dicatat</source>
        <translation>Payment recorded</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+1"/>
        <source>Semua</source>
        <translation>All</translation>
    </message>
</context>
<context>
    <name>PlacesCard</name>
    <message>
        <location filename="../../ui/dashboard/places_card.py" line="+33"/>
        <source>Sebaran per kecamatan dan desa</source>
        <translation>By district (kecamatan) and village</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kecamatan / desa</source>
        <translation>Kecamatan / village</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Terdaftar</source>
        <translation>Registered</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Bagian</source>
        <translation>Share</translation>
    </message>
    <message>
        <location line="+23"/>
        <location line="+13"/>
        <source>(tanpa desa)</source>
        <translation>(no village)</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Kec. %1</source>
        <translation>Kec. %1</translation>
    </message>
</context>
<context>
    <name>PreviewStep</name>
    <message>
        <location filename="../../ui/excel_import/preview_step.py" line="+72"/>
        <source>Baris</source>
        <translation>Row</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hasil</source>
        <translation>Result</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Masalah</source>
        <translation>Problems</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Tampilkan:</source>
        <translation>Show:</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Tulis laporan masalah…</source>
        <translation>Write problem report…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Siap</source>
        <translation>Ready</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Draf</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ditolak</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duplikat</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Lembar %1: %2 baris terbaca — %3 siap, %4 draf, %5 ditolak, %6 duplikat.</source>
        <translation>Sheet %1: %2 row(s) read — %3 ready, %4 draft, %5 rejected, %6 duplicate.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Kolom wajib belum ada: %1.</source>
        <translation>Required columns missing: %1.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Semua (%1)</source>
        <translation>All (%1)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Sudah diimpor</source>
        <translation>Already imported</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Impor %1 pendaftaran</source>
        <translation>Import %1 registration(s)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Pilih baris untuk melihat semua masalahnya.</source>
        <translation>Select a row to see all of its problems.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tidak ada masalah.</source>
        <translation>No problems found.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Baris %1</source>
        <translation>Row %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Simpan laporan masalah</source>
        <translation>Save the problem report</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Laporan gagal ditulis</source>
        <translation>The report could not be written</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Laporan tersimpan</source>
        <translation>Report saved</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Laporan masalah tersimpan di:
%1

Kirimkan ke desa untuk diperbaiki.</source>
        <translation>Problem report saved to:
%1

Send it to the village to correct.</translation>
    </message>
</context>
<context>
    <name>PrintDialog</name>
    <message>
        <location filename="../../ui/print_dialog.py" line="+64"/>
        <source>A4 (210 × 297 mm)</source>
        <translation>A4 (210 × 297 mm)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>F4 / Folio (215 × 330 mm)</source>
        <translation>F4 / Folio (215 × 330 mm)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ukuran kertas:</source>
        <translation>Paper size:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pratinjau…</source>
        <translation>Preview…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cetak…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Simpan PDF…</source>
        <translation>Save PDF…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1 formulir pendaftaran, satu halaman per pendaftaran.</source>
        <translation>%1 registration form(s), one page per registration.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Formulir kosong untuk diisi tangan.</source>
        <translation>A blank form to fill in by hand.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 tanda terima untuk pekerja, dua per halaman.</source>
        <translation>%1 receipt(s) for the workers, two per page.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Daftar nominatif berisi %1 pendaftaran.</source>
        <translation>Nominative list of %1 registration(s).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Daftar perpanjangan berisi %1 peserta.</source>
        <translation>Renewal list of %1 participants.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 keterangan untuk ahli waris, satu halaman per peserta.</source>
        <translation>%1 notes for heirs, one page per participant.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Simpan sebagai PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Menyiapkan PDF…</source>
        <translation>Preparing the PDF…</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+45"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>PDF tersimpan</source>
        <translation>PDF saved</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 halaman tersimpan di:
%2</source>
        <translation>%1 page(s) saved to:
%2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Dibatalkan. Tidak ada berkas yang ditulis.</source>
        <translation>Cancelled. No file was written.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Gagal mencetak</source>
        <translation>Printing failed</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Menyiapkan halaman…</source>
        <translation>Preparing the pages…</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <location filename="../../ui/printing/context.py" line="+29"/>
        <source>Jaminan Sosial Ketenagakerjaan bagi Pekerja Rentan (peserta BPU)</source>
        <translation>Employment social security for vulnerable workers (BPU participants)</translation>
    </message>
    <message>
        <location filename="../../ui/printing/forms.py" line="+113"/>
        <source>PEMERINTAH %1</source>
        <translation>GOVERNMENT OF %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>FORMULIR PENDAFTARAN PESERTA BPJS KETENAGAKERJAAN</source>
        <translation>BPJS KETENAGAKERJAAN PARTICIPANT REGISTRATION FORM</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bukan Penerima Upah (BPU)</source>
        <translation>Non-wage earners (BPU)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bukan Penerima Upah (BPU) — formulir kosong, diisi dengan tulisan tangan memakai huruf cetak</source>
        <translation>Non-wage earners (BPU) — blank form, to be filled in by hand in block letters</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A. Identitas peserta</source>
        <translation>A. Participant&apos;s identity</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>B. Alamat dan kontak</source>
        <translation>B. Address and contact</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C. Pekerjaan dan penghasilan</source>
        <translation>C. Work and income</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>D. Program dan iuran</source>
        <translation>D. Programmes and contribution</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E. Ahli waris</source>
        <translation>E. Heir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>F. Pernyataan persetujuan</source>
        <translation>F. Statement of consent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Program jaminan</source>
        <translation>Programmes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>JKK (wajib)</source>
        <translation>JKK (mandatory)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JKM (wajib)</source>
        <translation>JKM (mandatory)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JHT (pilihan)</source>
        <translation>JHT (optional)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../ui/printing/list_plan.py" line="+122"/>
        <source>Iuran per bulan</source>
        <translation>Contribution per month</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dibayar per %1 bulan: %2</source>
        <translation>Paid every %1 months: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saya yang bertanda tangan di bawah ini menyatakan bahwa data di atas benar. Saya bersedia didaftarkan sebagai peserta BPJS Ketenagakerjaan Bukan Penerima Upah (BPU) dengan sumber iuran seperti tertulis di atas, dan menyetujui data pribadi saya diproses dan digunakan untuk pendaftaran serta kepesertaan BPJS Ketenagakerjaan (UU No. 27 Tahun 2022 tentang Pelindungan Data Pribadi).</source>
        <translation>I, the undersigned, declare that the data above is true. I agree to be registered as a BPJS Ketenagakerjaan non-wage earner (BPU) participant with the source of contributions written above, and I consent to my personal data being processed and used for my BPJS Ketenagakerjaan registration and participation (Law No. 27 of 2022 on Personal Data Protection).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Peserta setuju</source>
        <translation>The participant agrees</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Peserta tidak setuju</source>
        <translation>The participant does not agree</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Peserta</source>
        <translation>Participant</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/printing/receipt_slips.py" line="+87"/>
        <source>Petugas pendaftar</source>
        <translation>Registering officer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mengetahui,
Kepala Desa/Lurah %1</source>
        <translation>Acknowledged by,
Village head %1</translation>
    </message>
    <message>
        <location filename="../../ui/printing/facts.py" line="+69"/>
        <source>Kelurahan %1</source>
        <translation>Kelurahan %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Desa %1</source>
        <translation>Desa %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Lurah %1</source>
        <translation>Lurah of %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kepala Desa %1</source>
        <translation>Village head of %1</translation>
    </message>
    <message>
        <location filename="../../ui/printing/list_plan.py" line="-7"/>
        <source>No.</source>
        <extracomment>Padding inside a table cell (millimetres).</extracomment>
        <translation>No.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../ui/printing/receipt_slips.py" line="-4"/>
        <source>Nama lengkap</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>L/P</source>
        <translation>M/F</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Program</source>
        <translation>Programmes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tanda tangan</source>
        <translation>Signature</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Kecamatan %1 — %2</source>
        <translation>Kecamatan %1 — %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>(lanjutan)</source>
        <translation>(continued)</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>Kelurahan</source>
        <translation>Kelurahan</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Desa</source>
        <translation>Desa</translation>
    </message>
    <message>
        <location filename="../../ui/printing/heir_note.py" line="+68"/>
        <source>Kartu peserta BPJS Ketenagakerjaan (KPJ) almarhum/almarhumah</source>
        <translation>The deceased&apos;s BPJS Ketenagakerjaan membership card (KPJ)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Surat keterangan kematian dari desa/kelurahan atau rumah sakit, atau akta kematian dari Disdukcapil</source>
        <translation>A death statement from the village or the hospital, or the death certificate from the civil registry (Disdukcapil)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>KTP dan Kartu Keluarga (KK) almarhum/almarhumah</source>
        <translation>The deceased&apos;s identity card (KTP) and family card (KK)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>KTP dan Kartu Keluarga (KK) ahli waris</source>
        <translation>The heir&apos;s identity card (KTP) and family card (KK)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Surat keterangan ahli waris dari desa/kelurahan, diketahui camat</source>
        <translation>A statement of heirs from the village, acknowledged by the camat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Buku nikah / akta nikah bila ahli waris suami atau istri</source>
        <translation>The marriage book or certificate when the heir is the spouse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Buku tabungan atas nama ahli waris (untuk transfer manfaat)</source>
        <translation>A savings book in the heir&apos;s name (for the transfer of the benefit)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Surat perwalian bila ahli waris belum dewasa</source>
        <translation>A guardianship letter when the heir is a minor</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Belum terdaftar di BPJS (belum ada KPJ)</source>
        <translation>Not registered with BPJS (no KPJ yet)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Aktif, iuran bulan itu sudah dibayar</source>
        <translation>Active, that month was paid</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Aktif, iuran 1 bulan belum dibayar</source>
        <translation>Active, 1 month unpaid</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Aktif, iuran 2 bulan belum dibayar</source>
        <translation>Active, 2 months unpaid</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nonaktif: iuran 3 bulan atau lebih tidak dibayar</source>
        <translation>Lapsed: 3 or more months unpaid</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kepesertaan sudah berakhir sebelumnya</source>
        <translation>The membership had ended before</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Belum mulai terlindungi</source>
        <translation>Not covered yet</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>KETERANGAN UNTUK AHLI WARIS</source>
        <translation>NOTE FOR THE HEIRS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Klaim Jaminan Kematian (JKM) BPJS Ketenagakerjaan</source>
        <translation>Death benefit (JKM) claim, BPJS Ketenagakerjaan</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Peserta yang meninggal</source>
        <translation>The deceased participant</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1. Klaim JKM bisa ditolak: hubungi dinas sebelum ke BPJS.</source>
        <translation>%1. The JKM claim may be refused: contact the regency office (dinas) before going to BPJS.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ahli waris (sesuai data pendaftaran)</source>
        <translation>Heirs (as registered)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+24"/>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>belum tercatat</source>
        <translation>not recorded</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hubungan</source>
        <translation>Relationship</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Telepon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Daftar dokumen ini belum diperiksa dengan peraturan BPJS: periksa dengan kantor cabang BPJS Ketenagakerjaan sebelum datang.</source>
        <translation>This list of documents has not been checked against BPJS&apos;s rules: check it with the BPJS Ketenagakerjaan branch office before going.</translation>
    </message>
    <message>
        <location line="+11"/>
        <location filename="../../ui/printing/list_plan.py" line="+8"/>
        <location filename="../../ui/printing/receipt_slips.py" line="-11"/>
        <source>Kecamatan %1</source>
        <translation>Kecamatan %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nomor KPJ</source>
        <translation>KPJ number</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alamat</source>
        <translation>Address</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tanggal meninggal</source>
        <translation>Date of death</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sumber iuran</source>
        <translation>Funding source</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kepesertaan bulan itu</source>
        <translation>Membership that month</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Iuran dibayar sampai</source>
        <translation>Paid through</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Dokumen yang dibawa ke kantor BPJS Ketenagakerjaan</source>
        <translation>Documents to bring to the BPJS Ketenagakerjaan office</translation>
    </message>
    <message>
        <location filename="../../ui/printing/list_plan.py" line="+1"/>
        <source>Seluruh %1</source>
        <translation>All of %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wilayah</source>
        <translation>Area</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>DAFTAR NOMINATIF CALON PESERTA BPJS KETENAGAKERJAAN</source>
        <translation>NOMINATIVE LIST OF PROSPECTIVE BPJS KETENAGAKERJAAN PARTICIPANTS</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Keadaan per %1</source>
        <translation>As of %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Belum ada pendaftaran untuk daftar ini.</source>
        <translation>There are no registrations for this list yet.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Daftar nominatif</source>
        <translation>Nominative list</translation>
    </message>
    <message>
        <location filename="../../ui/printing/lists.py" line="+92"/>
        <source>Jumlah halaman ini: %1 orang</source>
        <translation>Total on this page: %1 people</translation>
    </message>
    <message>
        <location line="+117"/>
        <source>Halaman %1 dari %2</source>
        <translation>Page %1 of %2</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Jumlah seluruhnya: %1 orang</source>
        <translation>Grand total: %1 people</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Kepala Dinas ……………………………………,</source>
        <translation>Head of the Office ……………………………………,</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Yang membuat daftar,</source>
        <translation>Prepared by,</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>NIP.</source>
        <translation>NIP.</translation>
    </message>
    <message>
        <location filename="../../ui/printing/receipt_slips.py" line="+5"/>
        <source>%1 per bulan (%2), sumber iuran: %3</source>
        <translation>%1 per month (%2), paid by: %3</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Tanggal pendaftaran</source>
        <translation>Registration date</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Iuran</source>
        <translation>Contribution</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Kartu KPJ diserahkan</source>
        <translation>KPJ card handed over</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Data pendaftaran Anda dikirim ke kantor kabupaten (dinas pengelola program).</source>
        <translation>Your registration goes to the regency office (the agency running the programme).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Kantor kabupaten meneruskannya ke BPJS Ketenagakerjaan untuk didaftarkan.</source>
        <translation>The regency office passes it on to BPJS Ketenagakerjaan for registration.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nomor peserta (KPJ) dan kartu BPJS Ketenagakerjaan Anda menyusul melalui petugas atau kantor desa.</source>
        <translation>Your participant number (KPJ) and BPJS Ketenagakerjaan card follow through the officer or the village office.</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>TANDA TERIMA PENDAFTARAN</source>
        <translation>REGISTRATION RECEIPT</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nomor pendaftaran: %1</source>
        <translation>Registration number: %1</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Apa selanjutnya?</source>
        <translation>What happens next?</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Simpan tanda terima ini dan tunjukkan bila Anda menanyakan pendaftaran Anda.</source>
        <translation>Keep this receipt and show it when you ask about your registration.</translation>
    </message>
    <message>
        <location filename="../../ui/printing/heir_note.py" line="+31"/>
        <location filename="../../ui/printing/receipt_slips.py" line="+21"/>
        <source>Petugas,</source>
        <translation>Officer,</translation>
    </message>
    <message>
        <location filename="../../ui/printing/print_jobs.py" line="+197"/>
        <source>DAFTAR NOMINATIF PERPANJANGAN PESERTA TAHUN %1</source>
        <translation>RENEWAL LIST OF PARTICIPANTS FOR %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Daftar perpanjangan %1</source>
        <translation>Renewal list %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Peserta aktif per</source>
        <translation>Participants active as of</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Iuran setahun %1</source>
        <translation>Contributions for %1</translation>
    </message>
</context>
<context>
    <name>Problems</name>
    <message>
        <location filename="../../ui/i18n/messages/problem_texts.py" line="-132"/>
        <source>%1 wajib diisi.</source>
        <translation>%1 is required.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pekerja harus menyetujui pemrosesan datanya.</source>
        <translation>The worker must consent to the processing of their data.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pekerja harus menyatakan saat ini bekerja (klaim JKK dan JKM bergantung padanya).</source>
        <translation>The worker must declare working now (JKK and JKM claims depend on it).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>NIK hanya boleh berisi angka.</source>
        <translation>The NIK may contain digits only.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NIK harus 16 angka.</source>
        <translation>The NIK must be 16 digits.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dua angka pertama NIK bukan kode provinsi yang dikenal.</source>
        <translation>The first two digits of the NIK are not a known province code.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tanggal lahir di dalam NIK (angka ke-7 s.d. 12) bukan tanggal yang sah.</source>
        <translation>The birth date inside the NIK (digits 7 to 12) is not a valid date.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Empat angka terakhir NIK tidak boleh 0000.</source>
        <translation>The last four digits of the NIK cannot be 0000.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kode kecamatan %1 di NIK tidak ada di tabel wilayah. Periksa lagi NIK-nya.</source>
        <translation>District code %1 in the NIK is not in the region table. Check the NIK again.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tanggal lahir menurut NIK adalah %1. Benar tanggal lahirnya berbeda?</source>
        <translation>According to the NIK the date of birth is %1. Is it really different?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Menurut NIK jenis kelaminnya %1. Benar berbeda?</source>
        <translation>According to the NIK the sex is %1. Is it really different?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>NIK ini sudah terdaftar atas nama %1.</source>
        <translation>This NIK is already registered to %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nomor KK hanya boleh berisi angka.</source>
        <translation>The KK number may contain digits only.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nomor KK harus 16 angka.</source>
        <translation>The KK number must be 16 digits.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bagian tanggal Nomor KK (angka ke-7 s.d. 12) bukan tanggal yang sah.</source>
        <translation>The date part of the family card number (digits 7 to 12) is not a valid date.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Pilihan untuk %1 tidak dikenal.</source>
        <translation>The choice for %1 is not known.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>RT/RW harus berupa angka, paling banyak 3 angka.</source>
        <translation>RT/RW must be a number of at most 3 digits.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Desa harus berada di kabupaten yang dipilih di Pengaturan.</source>
        <translation>The village must be in the regency chosen in Settings.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Kode pos biasanya 5 angka dan tidak diawali 0. Sudah benar?</source>
        <translation>A postal code is usually 5 digits and does not start with 0. Is it right?</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>NIK tersimpan sebagai angka di Excel, sehingga angka terakhirnya bisa hilang (Excel hanya menyimpan 15 angka). Format kolom NIK sebagai Teks, lalu ketik ulang NIK dari KTP.</source>
        <translation>The NIK was stored as a number in Excel, so its last digits may be lost (Excel keeps only 15 digits). Format the NIK column as Text, then type the NIK again from the KTP.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Nomor KK tersimpan sebagai angka di Excel, sehingga angka terakhirnya bisa hilang. Format kolomnya sebagai Teks, lalu ketik ulang Nomor KK.</source>
        <translation>The KK number was stored as a number in Excel, so its last digits may be lost. Format the column as Text, then type the KK number again.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nomor KPJ tersimpan sebagai angka di Excel dan angka nol di depannya hilang. Format kolom KPJ sebagai Teks, lalu salin ulang dari data BPJS.</source>
        <translation>The KPJ number was stored as a number in Excel and lost its leading zeros. Format the KPJ column as Text, then copy the numbers again from the BPJS data.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nomor KPJ tersimpan sebagai angka di Excel; dibaca sebagai 11 angka. Sebaiknya format kolom KPJ sebagai Teks.</source>
        <translation>The KPJ number was stored as a number in Excel; it was read as 11 digits. Better format the KPJ column as Text.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Isian %1 berisi galat rumus Excel (#N/A, #REF! dan sejenisnya). Perbaiki rumusnya atau ketik isiannya.</source>
        <translation>%1 holds an Excel formula error (#N/A, #REF! and the like). Fix the formula or type the value in.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Excel mengubah isian %1 menjadi tanggal. Format kolomnya sebagai Teks, lalu ketik ulang isiannya.</source>
        <translation>Excel turned %1 into a date. Format the column as Text, then type the value again.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ada beberapa desa dengan nama ini di kabupaten. Isi kolom Kecamatan atau tulis kode desanya.</source>
        <translation>Several villages in the regency have this name. Fill in the Kecamatan column or write the village code.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Desa ini tidak berada di kecamatan yang ditulis.</source>
        <translation>This village is not in the district (kecamatan) given.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Kecamatan tidak ada di kabupaten yang dipilih di Pengaturan.</source>
        <translation>The district (kecamatan) is not in the regency chosen in Settings.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>NIK ini sudah ada di baris sebelumnya dalam berkas ini.</source>
        <translation>This NIK is already in an earlier row of this file.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Isian %1 perlu diperiksa.</source>
        <translation>Please check %1.</translation>
    </message>
    <message>
        <location line="-81"/>
        <source>Nama berisi angka atau tanda yang tidak biasa. Sudah sesuai KTP?</source>
        <translation>The name contains digits or unusual characters. Does it match the KTP?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tanggal lahir tidak boleh di masa depan.</source>
        <translation>The date of birth cannot be in the future.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tulis tanggal sebagai hh-bb-tttt, misalnya 05-07-1990.</source>
        <translation>Write the date as dd-mm-yyyy, for example 05-07-1990.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Umur %1 tahun, di luar batas program (%2–%3 tahun). Tetap daftarkan?</source>
        <translation>Age %1 is outside the programme&apos;s range (%2–%3 years). Register anyway?</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Desa tidak ada di tabel wilayah.</source>
        <translation>The village is not in the region table.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nomor HP harus nomor seluler Indonesia, misalnya 0812… atau +62812…</source>
        <translation>Enter an Indonesian mobile number, for example 0812… or +62812…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Alamat email tidak sah.</source>
        <translation>The email address is not valid.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Penghasilan tidak boleh negatif.</source>
        <translation>The income cannot be negative.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tulis penghasilan dengan angka saja, misalnya 1.500.000.</source>
        <translation>Write the income in digits only, for example 1.500.000.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nomor KPJ harus 11 angka.</source>
        <translation>The KPJ number must be 11 digits.</translation>
    </message>
</context>
<context>
    <name>Programme</name>
    <message>
        <location filename="../../ui/programme/widgets.py" line="+64"/>
        <source>Semua sumber iuran</source>
        <translation>All funding sources</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Semua kecamatan</source>
        <translation>All districts</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Meninggal dunia</source>
        <translation>Died</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pindah domisili</source>
        <translation>Moved away</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Menjadi pekerja penerima upah</source>
        <translation>Became a wage earner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Berhenti bekerja</source>
        <translation>Stopped working</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dinonaktifkan BPJS</source>
        <translation>Deactivated by BPJS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Diaktifkan kembali</source>
        <translation>Reactivated</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>ProgressCard</name>
    <message>
        <location filename="../../ui/dashboard/progress_card.py" line="+37"/>
        <source>Capaian terhadap target</source>
        <translation>Progress toward the target</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>%1 dari %2 pekerja terdata (%3)</source>
        <translation>%1 of %2 workers recorded (%3)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 sudah terdaftar di BPJS (punya KPJ): %2 dari target</source>
        <translation>%1 already registered with BPJS (have a KPJ): %2 of the target</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Terdata: pendaftaran yang belum dihapus, bukan draf dan tidak ditolak BPJS (siap kirim, diekspor, diterima, diajukan, terdaftar). Terlindungi baru yang sudah terdaftar di BPJS. Target %1 dari pengaturan.</source>
        <translation>Recorded: registrations not deleted, not drafts and not rejected by BPJS (ready, exported, received, submitted, registered). Only those registered with BPJS are protected. Target %1 from the settings.</translation>
    </message>
</context>
<context>
    <name>ProtectDialog</name>
    <message>
        <location filename="../../ui/passphrase_dialogs.py" line="+148"/>
        <source>Enkripsi data</source>
        <translation>Encrypt data</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Versi Jaring ini menyimpan data terenkripsi, supaya NIK dan data pribadi tidak terbaca jika komputer ini hilang atau dicuri. Data Anda belum terenkripsi:
%1

Buat kata sandi; Jaring lalu mengenkripsi data ini (sekali saja, beberapa detik sampai beberapa menit). Data tidak berubah dan tidak ada yang hilang. Keluar: tidak ada yang diubah.</source>
        <translation>This version of Jaring stores data encrypted, so that NIKs and personal data cannot be read if this computer is lost or stolen. Your data is not encrypted yet:
%1

Choose a passphrase; Jaring then encrypts this data (once only, a few seconds to a few minutes). The data stays the same and nothing is lost. Quit: nothing is changed.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Enkripsi</source>
        <translation>Encrypt</translation>
    </message>
</context>
<context>
    <name>ReconciliationDialog</name>
    <message>
        <location filename="../../ui/programme/reconciliation_dialog.py" line="+57"/>
        <source>Cocokkan tagihan BPJS</source>
        <translation>Check the BPJS invoice</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>jumlah tagihan seluruh kabupaten (bila ada)</source>
        <translation>the whole regency&apos;s invoice total (if any)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bulan tagihan</source>
        <translation>Invoice month</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Total tagihan BPJS</source>
        <translation>BPJS invoice total</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Kecamatan</source>
        <translation>District</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Peserta</source>
        <translation>Participants</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Menurut Jaring</source>
        <translation>By Jaring</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tagihan BPJS</source>
        <translation>BPJS invoice</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Selisih</source>
        <translation>Difference</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Ketik tagihan BPJS per kecamatan di kolom “Tagihan BPJS”. Selisih = tagihan BPJS dikurangi hitungan Jaring: positif berarti BPJS menagih lebih (mis. peserta yang sudah meninggal atau nonaktif masih ditagih).</source>
        <translation>Type the BPJS invoice per district in the column “BPJS invoice”. Difference = the BPJS invoice minus Jaring&apos;s figure: positive means BPJS bills more (e.g. participants who died or lapsed are still billed).</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>(tanpa desa)</source>
        <translation>(no village)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Jumlah</source>
        <translation>Total</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Selisih pada kecamatan yang sudah diketik: %1. Ketik semua kecamatan (atau totalnya) untuk selisih seluruhnya.</source>
        <translation>Difference in the districts typed so far: %1. Type every district (or the total) for the whole difference.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Menurut Jaring, iuran %1: %2 untuk %3 peserta. Ketik tagihan BPJS untuk mencocokkan.</source>
        <translation>By Jaring, the contributions of %1: %2 for %3 participants. Type the BPJS invoice to compare.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tagihan BPJS %1 sama dengan hitungan Jaring.</source>
        <translation>The BPJS invoice of %1 equals Jaring&apos;s figure.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>BPJS menagih lebih %1</source>
        <translation>BPJS bills %1 more</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>BPJS menagih kurang %1</source>
        <translation>BPJS bills %1 less</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tagihan %1: %2 dari hitungan Jaring.</source>
        <translation>Invoice of %1: %2 than Jaring&apos;s figure.</translation>
    </message>
</context>
<context>
    <name>RecordsModel</name>
    <message>
        <location filename="../../ui/records_model.py" line="+97"/>
        <source>Ditolak: %1</source>
        <translation>Rejected: %1</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>L/P</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Kelompok</source>
        <translation>Group</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Iuran/bulan</source>
        <translation>Per month</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Diubah</source>
        <translation>Last changed</translation>
    </message>
</context>
<context>
    <name>RecordsPage</name>
    <message>
        <location filename="../../ui/records_page.py" line="+90"/>
        <source>Cari nama, NIK atau alamat…  (Ctrl+F)</source>
        <extracomment>The columns&apos; first widths (pixels); the user may drag them.</extracomment>
        <translation>Search name, NIK or address…  (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Semua status</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Hapus filter dasbor</source>
        <translation>Clear dashboard filter</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Pendaftaran baru</source>
        <translation>New registration</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+193"/>
        <source>Buka</source>
        <translation>Open</translation>
    </message>
    <message>
        <location line="-192"/>
        <source>Hapus…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+213"/>
        <source>Cetak</source>
        <translation>Print</translation>
    </message>
    <message>
        <location line="-210"/>
        <location line="+194"/>
        <source>Formulir pendaftaran terpilih…</source>
        <translation>Selected registration forms…</translation>
    </message>
    <message>
        <location line="-193"/>
        <source>Formulir semua yang tampil…</source>
        <translation>Forms of everything shown…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+193"/>
        <source>Tanda terima terpilih…</source>
        <translation>Receipts of the selected…</translation>
    </message>
    <message>
        <location line="-192"/>
        <source>Daftar nominatif desa/kecamatan yang dipilih…</source>
        <translation>Nominative list of the chosen desa/kecamatan…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Formulir kosong…</source>
        <translation>Blank form…</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Semua kecamatan</source>
        <translation>All districts</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Semua desa</source>
        <translation>All villages</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Dari dasbor: %1</source>
        <translation>From the dashboard: %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>pilihan</source>
        <translation>selection</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>%1 pendaftaran</source>
        <translation>Registrations: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 dari %2 pendaftaran</source>
        <translation>Registrations: %1 of %2</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Catat peristiwa (meninggal, pindah, …)…</source>
        <translation>Record a life event (died, moved, …)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kartu KPJ diserahkan…</source>
        <translation>KPJ card handed over…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Penyerahan kartu KPJ per desa…</source>
        <translation>KPJ card handover by village…</translation>
    </message>
    <message>
        <location filename="../../ui/programme/record_actions.py" line="+53"/>
        <source>%1 dari %2 pendaftaran terpilih belum punya nomor KPJ (belum terdaftar di BPJS Ketenagakerjaan): kartunya belum bisa diserahkan.</source>
        <translation>%1 of %2 selected registrations have no KPJ number yet (not registered with BPJS Ketenagakerjaan): their card cannot be handed over yet.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Penyerahan dicatat untuk %1 peserta lainnya.</source>
        <translation>The handover is recorded for the other %1 participants.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Kartu KPJ diserahkan</source>
        <translation>KPJ card handed over</translation>
    </message>
    <message>
        <location filename="../../ui/records_page.py" line="+20"/>
        <source>Pilih dulu pendaftaran di daftar (Ctrl+klik untuk memilih beberapa).</source>
        <translation>First select registrations in the list (Ctrl+click to select several).</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+9"/>
        <source>Formulir pendaftaran</source>
        <translation>Registration form</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Tanda terima</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Daftar nominatif</source>
        <translation>Nominative list</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Formulir kosong</source>
        <translation>Blank form</translation>
    </message>
</context>
<context>
    <name>RecoveryCode</name>
    <message>
        <location filename="../../ui/recovery_code_dialog.py" line="+45"/>
        <source>Kode pemulihan Jaring</source>
        <translation>Jaring recovery code</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 · dicetak %2</source>
        <translation>%1 · printed %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Kode ini membuka basis data Jaring di komputer kantor kabupaten jika kata sandi semua supervisor terlupa. Simpan kertas ini di tempat terkunci, terpisah dari komputer. Siapa pun yang memegang kode ini bisa membuka semua data pribadi pekerja.</source>
        <translation>This code opens the Jaring database on the regency office&apos;s computer if every supervisor&apos;s passphrase is forgotten. Keep this paper locked away, apart from the computer. Whoever holds this code can open all of the workers&apos; personal data.</translation>
    </message>
</context>
<context>
    <name>RecoveryCodeDialog</name>
    <message>
        <location line="+40"/>
        <location line="+54"/>
        <source>Kode pemulihan</source>
        <translation>Recovery code</translation>
    </message>
    <message>
        <location line="-50"/>
        <source>Ini kode pemulihan komputer kantor kabupaten. Jika semua kata sandi terlupa, hanya kode ini yang bisa membuka data lagi. Kode ini hanya ditampilkan SEKARANG, sekali ini: cetak atau catat di kertas, lalu simpan di tempat terkunci, terpisah dari komputer.</source>
        <translation>This is the recovery code of the regency office&apos;s computer. If every passphrase is forgotten, only this code can open the data again. It is shown only NOW, this once: print it or write it on paper, then keep it locked away, apart from the computer.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Cetak…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sudah saya catat</source>
        <translation>I have noted it</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Gagal mencetak</source>
        <translation>Printing failed</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Kode pemulihan tidak akan ditampilkan lagi. Sudah dicetak atau dicatat dan disimpan?</source>
        <translation>The recovery code will not be shown again. Has it been printed or written down and put away?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sudah</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Belum</source>
        <translation>Not yet</translation>
    </message>
</context>
<context>
    <name>RegistrationForm</name>
    <message>
        <location filename="../../ui/registration_form/form.py" line="+111"/>
        <source>Kosongkan</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Simpan draf (Ctrl+D)</source>
        <translation>Save draft (Ctrl+D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Simpan (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cetak</source>
        <translation>Print</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Formulir pendaftaran…</source>
        <translation>Registration form…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tanda terima untuk pekerja…</source>
        <translation>Receipt for the worker…</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Pendaftaran baru</source>
        <translation>New registration</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ubah pendaftaran: %1</source>
        <translation>Edit registration: %1</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Buka data itu</source>
        <translation>Open that record</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 kesalahan, %2 peringatan</source>
        <translation>Errors: %1, warnings: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tidak ada masalah.</source>
        <translation>No problems found.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Kecamatan diisi dari NIK; periksa kembali.</source>
        <translation>District (kecamatan) filled in from the NIK; please check it.</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Belum bisa disimpan: %1 kesalahan. Perbaiki, atau simpan sebagai draf.</source>
        <translation>Cannot save yet (errors: %1). Fix them, or save as a draft.</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>Periksa peringatan</source>
        <translation>Check the warnings</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>Dari pekerjaan yang diisi.</source>
        <translation>From the occupation entered.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Ada hal yang perlu dipastikan sebelum menyimpan:</source>
        <translation>Please confirm the following before saving:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ya, data sudah benar</source>
        <translation>Yes, the data are correct</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kembali memeriksa</source>
        <translation>Go back and check</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Data sudah berubah</source>
        <translation>The record has changed</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pendaftaran ini sudah diubah di tempat lain sejak dibuka. Isian Anda tetap di formulir; salin yang perlu, lalu buka ulang datanya dari daftar.</source>
        <translation>This registration was changed elsewhere after you opened it. Your entries are still in the form; copy what you need, then reopen the record from the list.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Gagal menyimpan</source>
        <translation>Could not save</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Data tidak bisa ditulis ke basis data. Isian Anda tetap di formulir. Periksa ruang disk, lalu coba lagi.</source>
        <translation>The data could not be written to the database. Your entries are still in the form. Check the free disk space, then try again.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Buang isian?</source>
        <translation>Discard entries?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Isian yang belum disimpan akan hilang.</source>
        <translation>Entries that are not saved will be lost.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Buang</source>
        <translation>Discard</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Formulir pendaftaran</source>
        <translation>Registration form</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tanda terima</source>
        <translation>Receipt</translation>
    </message>
</context>
<context>
    <name>RenewalDialog</name>
    <message>
        <location filename="../../ui/programme/renewal_dialog.py" line="+47"/>
        <source>Daftar perpanjangan tahun depan</source>
        <translation>Next year&apos;s renewal list</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Tahun yang berakhir</source>
        <translation>Year ending</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Kecamatan</source>
        <translation>District</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Peserta</source>
        <translation>Participants</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Iuran setahun</source>
        <translation>Contributions for the year</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Simpan Excel…</source>
        <translation>Save Excel…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cetak daftar nominatif…</source>
        <translation>Print the list…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>belum ditetapkan</source>
        <translation>not set</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tahun %1: %2 peserta yang masih aktif per %3, iuran setahun %4. Target %1: %5 orang; anggaran: %6.</source>
        <translation>Year %1: %2 participants still active as of %3, contributions for the year %4. Target %1: %5 workers; budget: %6.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Sisa anggaran %1.</source>
        <translation>Budget left %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Anggaran kurang %1.</source>
        <translation>Budget short by %1.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Simpan daftar perpanjangan</source>
        <translation>Save the renewal list</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Excel tidak tersimpan</source>
        <translation>Excel not saved</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Excel tersimpan</source>
        <translation>Excel saved</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 peserta tersimpan di:
%2</source>
        <translation>%1 participants saved in:
%2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Daftar perpanjangan</source>
        <translation>Renewal list</translation>
    </message>
</context>
<context>
    <name>ResetPassphraseDialog</name>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="+23"/>
        <source>Kata sandi baru</source>
        <translation>New passphrase</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Akun</source>
        <translation>Account</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <location filename="../../ui/roles.py" line="+25"/>
        <source>Hanya supervisor</source>
        <translation>Supervisors only</translation>
    </message>
</context>
<context>
    <name>ScreenLock</name>
    <message>
        <location filename="../../ui/idle_lock.py" line="+64"/>
        <source>Jaring terkunci</source>
        <translation>Jaring is locked</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Jaring — terkunci</source>
        <translation>Jaring — locked</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Itu kata sandi akun lain. Ketik kata sandi %1.</source>
        <translation>That is another account&apos;s passphrase. Type %1&apos;s passphrase.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings_dialog.py" line="+90"/>
        <source>Selamat datang di Jaring</source>
        <translation>Welcome to Jaring</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pengaturan</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location line="+137"/>
        <source>Sebelum mulai, isi kabupaten tempat Anda bertugas, nama Anda sebagai petugas, dan target jumlah pekerja yang didaftarkan. Semua bisa diubah nanti di Pengaturan.</source>
        <translation>Before you start, enter the regency where you work, your name as the officer, and the number of workers to register (the target). You can change all of these later in Settings.</translation>
    </message>
    <message>
        <location line="-64"/>
        <source>Kabupaten/kota</source>
        <translation>Regency/city</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Nama lengkap petugas</source>
        <translation>Officer&apos;s full name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nama petugas</source>
        <translation>Officer&apos;s name</translation>
    </message>
    <message>
        <location line="-85"/>
        <source>Target jumlah pekerja terdaftar</source>
        <translation>Target number of registered workers</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Umur terendah</source>
        <translation>Minimum age</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Umur tertinggi</source>
        <translation>Maximum age</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Bahasa</source>
        <translation>Language</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Untuk petugas: alamat server kantor kabupaten, dipakai oleh &quot;Kirim ke kabupaten&quot;. Tanyakan ke kantor kabupaten; kosongkan jika belum ada.</source>
        <translation>For officers: the regency office server&apos;s address, used by &quot;Send to the regency&quot;. Ask the regency office; leave it empty if there is none yet.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Alamat server kabupaten</source>
        <translation>Regency server address</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>hh-bb-tttt, boleh kosong</source>
        <translation>dd-mm-yyyy, may be empty</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tanggal PKS dengan BPJS</source>
        <translation>Date of the cooperation agreement (PKS) with BPJS</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>mis. Disnakertrans Kabupaten Sukamara</source>
        <translation>e.g. Disnakertrans Kabupaten Sukamara</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nama kantor</source>
        <translation>Office name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nama lengkap staf yang memakai komputer ini</source>
        <translation>Full name of the staff member using this computer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nama staf</source>
        <translation>Staff member</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>tidak pernah</source>
        <translation>never</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> menit</source>
        <translation> minutes</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Jendela ditutup dan kata sandi diminta lagi setelah sekian menit tidak dipakai. Isian formulir disimpan dulu dan tetap ada sesudah dibuka.</source>
        <translation>The window is covered and the passphrase asked again after this many minutes without use. Typing in the form is saved first and is still there after unlocking.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> hari</source>
        <translation> days</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Jaring mengingatkan untuk mencadangkan data setelah sekian hari.</source>
        <translation>Jaring reminds you to back up the data after this many days.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Kunci layar setelah tidak dipakai</source>
        <translation>Lock the screen when idle for</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ingatkan cadangan setiap</source>
        <translation>Remind of a backup every</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sebelum mulai, periksa nama kantor kabupaten dan kabupaten/kota-nya, isi nama Anda sebagai staf yang memakai komputer ini, dan target jumlah pekerja yang didaftarkan. Semua bisa diubah nanti di Pengaturan.</source>
        <translation>Before you start, check the regency office&apos;s name and its regency/city, enter your name as the staff member using this computer, and the target number of workers to register. Everything can be changed later in Settings.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Pilih kabupaten/kota dari daftar.</source>
        <translation>Choose a regency/city from the list.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nama kantor wajib diisi.</source>
        <translation>The office name is required.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nama staf wajib diisi.</source>
        <translation>The staff member&apos;s name is required.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nama petugas wajib diisi.</source>
        <translation>The officer&apos;s name is required.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Umur terendah tidak boleh lebih dari umur tertinggi.</source>
        <translation>The minimum age cannot be higher than the maximum age.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tulis tanggal PKS sebagai hh-bb-tttt.</source>
        <translation>Write the PKS date as dd-mm-yyyy.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Alamat server harus diawali http:// atau https://, misalnya %1.</source>
        <translation>The server address must start with http:// or https://, for example %1.</translation>
    </message>
</context>
<context>
    <name>SetupPage</name>
    <message>
        <location filename="../../ui/setup_page.py" line="+70"/>
        <source>Laptop ini belum disiapkan untuk bertukar data. Perangkat petugas mengirim pendaftaran dalam batch ke kantor kabupaten; kantor kabupaten menerima dan menggabungkan batch dari semua petugas. Pilih salah satu — penyiapan hanya dilakukan sekali.</source>
        <translation>This laptop is not yet set up to exchange data. An officer&apos;s device sends registrations in batches to the regency office; the regency office receives and merges the batches of all officers. Choose one — setting up is done only once.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Perangkat petugas</source>
        <translation>Officer&apos;s device</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Untuk laptop petugas lapangan. Perlu berkas profil kabupaten dari kantor kabupaten; laptop ini lalu membuat berkas pendaftaran untuk diserahkan kembali.</source>
        <translation>For a field officer&apos;s laptop. Needs the regency profile file from the regency office; this laptop then makes an enrolment file to hand back.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Nama lengkap petugas</source>
        <translation>Officer&apos;s full name</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nama petugas</source>
        <translation>Officer&apos;s name</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Siapkan sebagai perangkat petugas…</source>
        <translation>Set up as an officer&apos;s device…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Kantor kabupaten</source>
        <translation>Regency office</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hanya untuk satu komputer di kantor kabupaten, yang menerima batch dari semua petugas. Berkas profil kabupaten yang dibuat di sini dibagikan ke setiap petugas.</source>
        <translation>Only for one computer at the regency office, which receives the batches of all officers. The regency profile file made here is given to every officer.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>mis. Disnakertrans Kabupaten Sukamara</source>
        <translation>e.g. Disnakertrans Kabupaten Sukamara</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Nama kantor</source>
        <translation>Office name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kode kabupaten/kota</source>
        <translation>Regency/city code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target pekerja terdaftar</source>
        <translation>Target of registered workers</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Siapkan sebagai kantor kabupaten…</source>
        <translation>Set up as the regency office…</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Isi nama petugas.</source>
        <translation>Enter the officer&apos;s name.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pilih berkas profil kabupaten</source>
        <translation>Choose the regency profile file</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Bukan profil kabupaten</source>
        <translation>Not a regency profile</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Berkas ini bukan profil kabupaten Jaring yang sah, atau rusak. Tidak ada yang berubah; minta berkas profil kabupaten dari kantor kabupaten.</source>
        <translation>This file is not a valid Jaring regency profile, or it is damaged. Nothing was changed; ask the regency office for its profile file.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Bandingkan sidik jari</source>
        <translation>Compare fingerprints</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Kantor: %1
Wilayah: %2 %3
Sidik jari kabupaten: %4

Sidik jari ini harus sama persis dengan yang tampil di komputer kantor kabupaten. Sama?</source>
        <translation>Office: %1
Area: %2 %3
Regency fingerprint: %4

This fingerprint must be exactly the one shown on the regency office&apos;s computer. Is it the same?</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Sama, lanjutkan</source>
        <translation>The same, continue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tidak sama</source>
        <translation>Not the same</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Simpan berkas pendaftaran perangkat</source>
        <translation>Save the device&apos;s enrolment file</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Perangkat petugas siap</source>
        <translation>Officer&apos;s device ready</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sidik jari perangkat ini: %1

Serahkan berkas %2 ke kantor kabupaten dan bacakan sidik jari ini kepada staf yang mendaftarkan perangkat. Batch dari laptop ini diterima setelah perangkat didaftarkan.</source>
        <translation>This device&apos;s fingerprint: %1

Hand the file %2 to the regency office and read this fingerprint out to the staff who enrol the device. Batches from this laptop are accepted once the device is enrolled.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Isi nama kantor kabupaten.</source>
        <translation>Enter the regency office&apos;s name.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Kode kabupaten/kota ditulis seperti 62.08.</source>
        <translation>A regency/city code is written like 62.08.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Kode kabupaten/kota %1 tidak dikenal.</source>
        <translation>Unknown regency/city code %1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Simpan profil kabupaten</source>
        <translation>Save the regency profile</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Kantor kabupaten siap</source>
        <translation>Regency office ready</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sidik jari kabupaten: %1

Bagikan berkas %2 ke setiap petugas. Saat menyiapkan laptopnya, petugas membandingkan sidik jari ini dengan yang tampil di sini (tab Perangkat petugas).</source>
        <translation>Regency fingerprint: %1

Give the file %2 to every officer. When setting up their laptop, officers compare this fingerprint with the one shown here (Officer devices tab).</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Penyiapan gagal</source>
        <translation>Setting up failed</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Berkas belum tersimpan</source>
        <translation>File not saved yet</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Laptop ini sudah disiapkan, tetapi berkas %1 tidak bisa ditulis (flashdisk dicabut atau penuh?).

Tanpa berkas itu pertukaran data belum bisa dimulai. Simpan lagi, misalnya ke folder lain?</source>
        <translation>This laptop is set up, but the file %1 could not be written (USB stick pulled out or full?).

Without that file data exchange cannot start. Save it again, for example to another folder?</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Simpan lagi…</source>
        <translation>Save again…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nanti</source>
        <translation>Later</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Simpan berkas</source>
        <translation>Save file</translation>
    </message>
</context>
<context>
    <name>SexAgeCard</name>
    <message>
        <location filename="../../ui/dashboard/people_cards.py" line="+13"/>
        <source>Jenis kelamin dan umur</source>
        <translation>Sex and age</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&lt; 25</source>
        <translation>&lt; 25</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>55 +</source>
        <translation>55 +</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>?</source>
        <translation>?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Laki-laki</source>
        <translation>Men</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Perempuan</source>
        <translation>Women</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tidak diisi</source>
        <translation>Not filled in</translation>
    </message>
</context>
<context>
    <name>Start</name>
    <message>
        <location filename="../../ui/start_protection.py" line="+82"/>
        <source>Basis data baru tidak bisa dibuat.</source>
        <translation>The new database could not be made.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Mengenkripsi data</source>
        <translation>Encrypting data</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mengenkripsi data… Jangan matikan komputer.</source>
        <translation>Encrypting data… Do not turn the computer off.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Data tidak bisa dienkripsi.</source>
        <translation>The data could not be encrypted.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Data terenkripsi</source>
        <translation>Data encrypted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data sekarang terenkripsi. Mulai sekarang Jaring meminta kata sandi ini setiap kali dibuka. Di SSD, sisa data lama yang belum terenkripsi bisa tertinggal di bagian disk yang tidak terjangkau.</source>
        <translation>The data is encrypted now. From now on Jaring asks for this passphrase every time it opens. On an SSD, remnants of the old unencrypted data may survive in parts of the disk that cannot be reached.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>%1 Tidak ada yang berubah.

%2</source>
        <translation>%1 Nothing was changed.

%2</translation>
    </message>
</context>
<context>
    <name>Summary</name>
    <message>
        <location filename="../../ui/printing/summary.py" line="+133"/>
        <source>Ringkasan capaian kepesertaan BPJS Ketenagakerjaan</source>
        <translation>BPJS Ketenagakerjaan coverage summary</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 · keadaan per %2</source>
        <translation>%1 · as of %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Capaian terhadap target</source>
        <translation>Progress toward the target</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 dari %2 pekerja terdata (%3)</source>
        <translation>%1 of %2 workers recorded (%3)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 sudah terdaftar di BPJS (punya KPJ): %2 dari target</source>
        <translation>%1 already registered with BPJS (have a KPJ): %2 of the target</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Terdata: belum dihapus, bukan draf, tidak ditolak BPJS. Terlindungi: terdaftar di BPJS.</source>
        <translation>Recorded: not deleted, not a draft, not rejected by BPJS. Protected: registered with BPJS.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Anggaran iuran</source>
        <translation>Contribution budget</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>APBD</source>
        <translation>APBD</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSR</source>
        <translation>CSR</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mandiri</source>
        <translation>Self-paid</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Jumlah</source>
        <translation>Total</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Target penuh</source>
        <translation>Full target</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Sumber</source>
        <translation>Source</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Peserta</source>
        <translation>People</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Per bulan</source>
        <translation>Per month</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Per tahun</source>
        <translation>Per year</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Target penuh = %1 × %2 per bulan (golongan terendah); setahun = 12 bulan.</source>
        <translation>Full target = %1 × %2 per month (lowest bracket); a year = 12 months.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>APBD: dibayar kabupaten.</source>
        <translation>APBD: paid by the regency.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Kelompok sasaran</source>
        <translation>Target group</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Sebaran per kecamatan</source>
        <translation>By kecamatan</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>(tanpa desa)</source>
        <translation>(no village)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Kecamatan</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Terdaftar</source>
        <translation>Registered</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bagian</source>
        <translation>Share</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>… dan %1 kecamatan lagi</source>
        <translation>… and %1 more kecamatan</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Jenis kelamin dan umur</source>
        <translation>Sex and age</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Laki-laki</source>
        <translation>Men</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Perempuan</source>
        <translation>Women</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Umur (tahun) pada tanggal cetak</source>
        <translation>Age (years) on the printing date</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Pendaftaran terhitung per minggu</source>
        <translation>Counted registrations per week</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(%1 minggu terakhir)</source>
        <translation>(last %1 weeks)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Belum ada pendaftaran.</source>
        <translation>No registrations yet.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 pendaftaran bertanggal setelah minggu ini (jam laptop salah?) tidak masuk grafik.</source>
        <translation>%1 registration(s) dated after this week (wrong laptop clock?) are not in the chart.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Kinerja petugas</source>
        <translation>Officer activity</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Petugas</source>
        <translation>Officer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pendaftaran</source>
        <translation>Registrations</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Draf</source>
        <translation>Drafts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Peringatan</source>
        <translation>Warnings</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Draf/per.</source>
        <translation>Dr./warn.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Konflik</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Per hari</source>
        <translation>Per day</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Per minggu</source>
        <translation>Per week</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Terakhir</source>
        <translation>Latest</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>… dan %1 petugas lagi</source>
        <translation>… and %1 more officers</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Dicetak dengan Jaring dari basis data lokal, %1%2.</source>
        <translation>Printed with Jaring from the local database, %1%2.</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>oleh %1</source>
        <translation>by %1</translation>
    </message>
</context>
<context>
    <name>SummaryButton</name>
    <message>
        <location filename="../../ui/dashboard/summary_button.py" line="+31"/>
        <source>Ringkasan untuk Bupati</source>
        <translation>Summary for the Regent</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Simpan PDF…</source>
        <translation>Save PDF…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cetak…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Simpan ringkasan</source>
        <translation>Save summary</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Ringkasan capaian</source>
        <translation>Coverage summary</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Gagal menyimpan</source>
        <translation>Saving failed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF tidak bisa ditulis: %1</source>
        <translation>The PDF cannot be written: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ringkasan tersimpan</source>
        <translation>Summary saved</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Angka tidak bisa dibaca: %1</source>
        <translation>The figures cannot be read: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ringkasan</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Membaca angka untuk ringkasan…</source>
        <translation>Reading the figures for the summary…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>TimelineCard</name>
    <message>
        <location filename="../../ui/dashboard/timeline_card.py" line="+26"/>
        <source>Pendaftaran per minggu</source>
        <extracomment>The weeks the chart shows: a year&apos;s worth, the latest.</extracomment>
        <translation>Registrations per week</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Minggu %1 – %2: %3 pendaftaran</source>
        <translation>Week %1 – %2: %3 registrations</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 pendaftaran bertanggal setelah minggu ini (jam laptop salah?) tidak masuk grafik. &lt;a href=&quot;future&quot;&gt;Lihat&lt;/a&gt;</source>
        <translation>%1 registration(s) dated after this week (wrong laptop clock?) are not in the chart. &lt;a href=&quot;future&quot;&gt;Show&lt;/a&gt;</translation>
    </message>
</context>
<context>
    <name>TrustPage</name>
    <message>
        <location filename="../../ui/trust_page.py" line="+34"/>
        <source>Petugas</source>
        <translation>Officer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sidik jari</source>
        <translation>Fingerprint</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Perangkat</source>
        <translation>Device</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Didaftarkan</source>
        <translation>Enrolled</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>dicabut %1</source>
        <translation>revoked %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>dipercaya</source>
        <translation>trusted</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Sidik jari kabupaten ini: %1</source>
        <translation>This regency&apos;s fingerprint: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Daftarkan perangkat…</source>
        <translation>Enrol device…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cabut…</source>
        <translation>Revoke…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Pilih berkas pendaftaran perangkat</source>
        <translation>Choose the device enrolment file</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Berkas tidak sah</source>
        <translation>Invalid file</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Bandingkan sidik jari</source>
        <translation>Compare fingerprints</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Petugas: %1
Sidik jari: %2

Minta petugas membacakan sidik jari yang tampil di laptopnya. Sama persis?</source>
        <translation>Officer: %1
Fingerprint: %2

Ask the officer to read out the fingerprint shown on their laptop. Is it exactly the same?</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Sama, daftarkan</source>
        <translation>Same, enrol</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tidak sama</source>
        <translation>Not the same</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Gagal mendaftarkan</source>
        <translation>Could not enrol</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cabut perangkat?</source>
        <translation>Revoke device?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Batch dari perangkat %1 (%2) tidak akan diterima lagi. Pencabutan tidak bisa dibatalkan.</source>
        <translation>Batches from the device of %1 (%2) will no longer be accepted. Revocation cannot be undone.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cabut</source>
        <translation>Revoke</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Gagal mencabut</source>
        <translation>Could not revoke</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../../ui/unlock_dialog.py" line="+11"/>
        <source>Buka Jaring</source>
        <translation>Open Jaring</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Data di komputer ini terenkripsi. Ketik kata sandi Anda untuk membukanya.</source>
        <translation>The data on this computer is encrypted. Type your passphrase to open it.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Lupa kata sandi? Laptop petugas: bawa ke kantor kabupaten, yang bisa membukanya kembali. Komputer kantor kabupaten: ketik kode pemulihan yang dicetak saat penyiapan.</source>
        <translation>Forgot the passphrase? An officer&apos;s laptop: take it to the regency office, which can open it again. The regency office&apos;s computer: type the recovery code printed at set-up.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Buka</source>
        <translation>Open</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keluar</source>
        <translation>Quit</translation>
    </message>
</context>
<context>
    <name>WindowProtection</name>
    <message>
        <location filename="../../ui/window_protection.py" line="+40"/>
        <source>TIDAK TERENKRIPSI</source>
        <translation>NOT ENCRYPTED</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Data di komputer ini tidak terenkripsi (--no-encryption): hanya untuk demo dan uji coba, jangan untuk data warga sungguhan.</source>
        <translation>The data on this computer is not encrypted (--no-encryption): for demos and trials only, never for real people&apos;s data.</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Kata sandi diganti</source>
        <translation>Passphrase changed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mulai sekarang Jaring dibuka dengan kata sandi yang baru.</source>
        <translation>From now on Jaring opens with the new passphrase.</translation>
    </message>
</context>
<context>
    <name>_NewAccountDialog</name>
    <message>
        <location filename="../../ui/passphrase_dialogs.py" line="-100"/>
        <source>Nama lengkap</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nama Anda</source>
        <translation>Your name</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Keluar</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Nama wajib diisi.</source>
        <translation>The name is required.</translation>
    </message>
</context>
<context>
    <name>_PassphraseForm</name>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="-83"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
</TS>
