<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="id">
<context>
    <name>AgentBalanceScreen</name>
    <message>
        <source>Saldo rekening agen</source>
        <translation>Agent account balance</translation>
    </message>
    <message>
        <source>Saldo ini dipakai untuk setor tunai, transfer dan pembayaran. Tekan Perbarui setelah melayani nasabah.</source>
        <translation>This balance pays for cash deposits, transfers and payments. Press Refresh after serving a customer.</translation>
    </message>
    <message>
        <source>Memuat saldo agen…</source>
        <translation>Loading agent balance…</translation>
    </message>
    <message>
        <source>{account_name} · rekening {account_number} · per {wib}</source>
        <translation>{account_name} · account {account_number} · as of {wib}</translation>
    </message>
</context>
<context>
    <name>AgentDay</name>
    <message>
        <source>Hari ini</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Transaksi berhasil</source>
        <translation>Successful</translation>
    </message>
    <message>
        <source>Biaya loket</source>
        <translation>Counter fees</translation>
    </message>
    <message>
        <source>Menggantung</source>
        <translation>Uncertain</translation>
    </message>
    <message>
        <source>Kas di laci</source>
        <translation>Cash in drawer</translation>
    </message>
    <message>
        <source>Hari ini · hari kerja {day}</source>
        <translation>Today · working day {day}</translation>
    </message>
    <message numerus="yes">
        <source>%n transaksi · {total}</source>
        <translation>
            <numerusform>%n transaction · {total}</numerusform>
            <numerusform>%n transactions · {total}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n transaksi: selesaikan di daftar Transaksi Menggantung</source>
        <translation>
            <numerusform>%n transaction: settle it in the Pending Transactions list</numerusform>
            <numerusform>%n transactions: settle them in the Pending Transactions list</numerusform>
        </translation>
    </message>
    <message>
        <source>tidak ada</source>
        <translation>none</translation>
    </message>
    <message>
        <source>ditampilkan sesudah kas dihitung di Tutup Hari</source>
        <translation>shown after the cash is counted at Close Day</translation>
    </message>
    <message>
        <source>belum dapat dibaca</source>
        <translation>cannot be read yet</translation>
    </message>
</context>
<context>
    <name>ApprovalPage</name>
    <message>
        <source>Persetujuan supervisor</source>
        <translation>Supervisor approval</translation>
    </message>
    <message>
        <source>PIN supervisor</source>
        <translation>Supervisor PIN</translation>
    </message>
    <message>
        <source>Diketik oleh supervisor sendiri. Belum ada supervisor? Atur di Pengaturan › Supervisor.</source>
        <translation>Typed by the supervisor in person. No supervisor yet? Set one up in Settings › Supervisor.</translation>
    </message>
    <message>
        <source>Alasan menutup dengan transaksi menggantung</source>
        <translation>Reason for closing with pending transactions</translation>
    </message>
    <message>
        <source>Atur PIN supervisor</source>
        <translation>Set supervisor PIN</translation>
    </message>
    <message>
        <source>Setujui dan tutup hari</source>
        <translation>Approve and close day</translation>
    </message>
    <message numerus="yes">
        <source>Ada %n transaksi menggantung (statusnya belum pasti). Sebaiknya diselesaikan dulu di Beranda, daftar Transaksi Menggantung. Bila hari harus ditutup sekarang, supervisor menyetujui dengan PIN dan alasan; persetujuan ini tercatat di Laporan Z.</source>
        <translation>
            <numerusform>There is %n pending transaction (status unknown). Settle it first in the Pending Transactions list on Home. If the day must be closed now, a supervisor approves with their PIN and a reason; the approval is recorded in the Z report.</numerusform>
            <numerusform>There are %n pending transactions (status unknown). Settle them first in the Pending Transactions list on Home. If the day must be closed now, a supervisor approves with their PIN and a reason; the approval is recorded in the Z report.</numerusform>
        </translation>
    </message>
    <message>
        <source>PIN ini juga menyetujui selisih kas: {variance} (seharusnya {expected}, dihitung {counted}), keterangan petugas &quot;{note}&quot;.</source>
        <translation>This PIN also approves the cash difference: {variance} (expected {expected}, counted {counted}), agent&apos;s note &quot;{note}&quot;.</translation>
    </message>
</context>
<context>
    <name>BackupSettingsScreen</name>
    <message>
        <source>Jurnal adalah satu-satunya catatan transaksi loket ini dan bukti bila ada sengketa dengan nasabah atau bank. Salinannya dibuat otomatis sesudah setiap Tutup Hari, diperiksa, lalu disimpan di folder ini (14 salinan terakhir).</source>
        <translation>The journal is this counter&apos;s only record of its transactions, and the evidence in any dispute with a customer or the bank. A copy is made automatically after every Close Day, checked, and kept in this folder (the last 14 copies).</translation>
    </message>
    <message>
        <source>Pilih…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Folder cadangan</source>
        <translation>Backup folder</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Cadangkan sekarang</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <source>Membuat salinan jurnal sekarang di folder yang tersimpan dan memeriksanya. Transaksi tetap dapat dilayani selama itu.</source>
        <translation>Makes a copy of the journal now in the saved folder and checks it. Customers can still be served meanwhile.</translation>
    </message>
    <message>
        <source>Cadangan jurnal tidak tersedia di profil ini.</source>
        <translation>Journal backup is not available in this profile.</translation>
    </message>
    <message>
        <source>Memuat pengaturan…</source>
        <translation>Loading settings…</translation>
    </message>
    <message>
        <source>kosong = folder bawaan, di samping folder profil</source>
        <translation>empty = the default folder, beside the profile folder</translation>
    </message>
    <message>
        <source>Salinan disimpan di {folder}</source>
        <translation>Copies are kept in {folder}</translation>
    </message>
    <message>
        <source>Folder ini ada di disk yang sama dengan jurnal: bila disk itu rusak, cadangannya ikut hilang. Pilih folder di flashdisk (USB) atau disk kedua, dan biarkan terpasang saat Tutup Hari.</source>
        <translation>This folder is on the same disk as the journal: if that disk fails, the backups are lost with it. Choose a folder on a USB drive or a second disk, and leave it plugged in at Close Day.</translation>
    </message>
    <message>
        <source>Cadangan terakhir: {when}.</source>
        <translation>Last backup: {when}.</translation>
    </message>
    <message>
        <source>Belum ada cadangan yang terperiksa.</source>
        <translation>No checked backup yet.</translation>
    </message>
    <message>
        <source>Folder {folder} tidak dapat dijangkau sekarang.</source>
        <translation>The folder {folder} cannot be reached now.</translation>
    </message>
    <message>
        <source>Pilih folder cadangan</source>
        <translation>Choose the backup folder</translation>
    </message>
    <message>
        <source>Folder cadangan tersimpan.</source>
        <translation>Backup folder saved.</translation>
    </message>
    <message>
        <source>Menyimpan…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Folder yang diketik belum disimpan: tekan Simpan dulu, lalu Cadangkan sekarang.</source>
        <translation>The folder typed is not saved yet: press Save first, then Back up now.</translation>
    </message>
    <message numerus="yes">
        <source>Cadangan dibuat dan diperiksa: %n transaksi, {path}</source>
        <translation>
            <numerusform>Backup made and checked: %n transaction, {path}</numerusform>
            <numerusform>Backup made and checked: %n transactions, {path}</numerusform>
        </translation>
    </message>
    <message>
        <source>Membuat dan memeriksa cadangan…</source>
        <translation>Making and checking the backup…</translation>
    </message>
</context>
<context>
    <name>BalanceScreen</name>
    <message>
        <source>Memuat…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Perbarui</source>
        <translation>Refresh</translation>
    </message>
</context>
<context>
    <name>BankBox</name>
    <message>
        <source>Beberapa bank cocok dengan “{typed}”, atau tidak ada: pilih dari daftar dengan panah ↓ lalu Enter, atau ketik kode banknya.</source>
        <translation>Several banks match “{typed}”, or none does: pick one from the list with the ↓ arrow and Enter, or type the bank’s code.</translation>
    </message>
    <message>
        <source>Ketik nama atau kode bank, atau tekan ↓ untuk daftarnya.</source>
        <translation>Type the bank’s name or code, or press ↓ for the list.</translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <source>Belum ada data</source>
        <translation>No data yet</translation>
    </message>
</context>
<context>
    <name>BcaBalanceScreen</name>
    <message>
        <source>Saldo tersedia di rekening BCA agen</source>
        <translation>Available balance in the agent&apos;s BCA account</translation>
    </message>
    <message>
        <source>Saldo ini dipakai untuk BCA: Transfer. Tekan Perbarui setelah melayani nasabah.</source>
        <translation>This balance pays for BCA: Transfer. Press Refresh after serving a customer.</translation>
    </message>
    <message>
        <source>Memuat saldo BCA…</source>
        <translation>Loading BCA balance…</translation>
    </message>
    <message>
        <source> · tertahan {hold_sen}</source>
        <translation> · on hold {hold_sen}</translation>
    </message>
    <message>
        <source>{name} · rekening {account_no}{held} · per {wib}</source>
        <translation>{name} · account {account_no}{held} · as of {wib}</translation>
    </message>
</context>
<context>
    <name>BcaInterbankScreen</name>
    <message>
        <source>Ketik nama atau kode bank</source>
        <translation>Type a bank name or code</translation>
    </message>
    <message>
        <source>Bank tujuan</source>
        <translation>Destination bank</translation>
    </message>
    <message>
        <source>Belum pasti, dicek otomatis ke BCA setiap menit (Transaksi Menggantung).</source>
        <translation>Not yet certain; checked with BCA automatically every minute (Pending Transactions).</translation>
    </message>
</context>
<context>
    <name>BcaStatementScreen</name>
    <message>
        <source>Dari tanggal</source>
        <translation>From date</translation>
    </message>
    <message>
        <source>Sampai tanggal</source>
        <translation>To date</translation>
    </message>
    <message>
        <source>Tampilkan</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>Cari keterangan…</source>
        <translation>Search description…</translation>
    </message>
    <message>
        <source>Ekspor CSV</source>
        <translation>Export CSV</translation>
    </message>
    <message>
        <source>Rentang paling lama 31 hari.</source>
        <translation>A range of at most 31 days.</translation>
    </message>
    <message>
        <source>Pilih rentang tanggal lalu tekan Tampilkan.</source>
        <translation>Choose a date range, then press Show.</translation>
    </message>
    <message>
        <source>Memuat mutasi BCA…</source>
        <translation>Loading BCA statement…</translation>
    </message>
    <message>
        <source>Rekening {account_no}</source>
        <translation>Account {account_no}</translation>
    </message>
    <message numerus="yes">
        <source>%n transaksi</source>
        <translation>
            <numerusform>%n transaction</numerusform>
            <numerusform>%n transactions</numerusform>
        </translation>
    </message>
    <message>
        <source>kredit {credit}</source>
        <translation>credit {credit}</translation>
    </message>
    <message>
        <source>debit {debit}</source>
        <translation>debit {debit}</translation>
    </message>
    <message>
        <source>saldo awal {starting_balance_sen}</source>
        <translation>opening balance {starting_balance_sen}</translation>
    </message>
    <message>
        <source>saldo akhir {ending_balance_sen}</source>
        <translation>closing balance {ending_balance_sen}</translation>
    </message>
    <message>
        <source> BCA membatasi jumlah baris: persempit rentang tanggal untuk melihat sisanya.</source>
        <translation> BCA limits the number of rows: narrow the date range to see the rest.</translation>
    </message>
    <message>
        <source>Simpan mutasi sebagai CSV</source>
        <translation>Save statement as CSV</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>{count} baris mutasi disimpan ke {written}.</source>
        <translation>{count} statement rows saved to {written}.</translation>
    </message>
    <message>
        <source>Menyimpan CSV…</source>
        <translation>Saving CSV…</translation>
    </message>
</context>
<context>
    <name>BcaTransferScreen</name>
    <message>
        <source>⚠  Status belum pasti</source>
        <translation>⚠  Status unknown</translation>
    </message>
    <message>
        <source>Transfer lain</source>
        <translation>Another transfer</translation>
    </message>
    <message>
        <source>Cek status</source>
        <translation>Check status</translation>
    </message>
    <message>
        <source>Transfer {amount} ke {customer_name} ({customer_ref}) belum pasti statusnya.
No. referensi: {reference}

JANGAN ulangi transfer dan JANGAN kembalikan uang dulu. Tekan &quot;Cek status&quot; untuk menanyakan hasilnya ke BCA.</source>
        <translation>The status of the transfer of {amount} to {customer_name} ({customer_ref}) is unknown.
Reference no.: {reference}

Do NOT repeat the transfer and do NOT refund the cash yet. Press &quot;Check status&quot; to ask BCA for the result.</translation>
    </message>
    <message>
        <source>Transfer sebelumnya ke rekening ini belum pasti statusnya. Cek dulu statusnya sebelum mengirim lagi.</source>
        <translation>The status of the previous transfer to this account is unknown. Check its status before sending again.</translation>
    </message>
    <message>
        <source>Menanyakan status transfer ke BCA…</source>
        <translation>Asking BCA for the transfer status…</translation>
    </message>
    <message>
        <source>BCA masih memproses transfer ini ({description}). Tunggu beberapa menit lalu tekan Cek status lagi.</source>
        <translation>BCA is still processing this transfer ({description}). Wait a few minutes, then press Check status again.</translation>
    </message>
</context>
<context>
    <name>BillPayScreen</name>
    <message>
        <source>← Produk lain</source>
        <translation>← Other product</translation>
    </message>
    <message>
        <source>Cek tagihan</source>
        <translation>Check bill</translation>
    </message>
    <message>
        <source>Periksa bersama pelanggan sebelum membayar:</source>
        <translation>Check together with the customer before paying:</translation>
    </message>
    <message>
        <source>PIN yang Anda ketik untuk cek tagihan ini dipakai untuk membayarnya: “Bayar sekarang” langsung membayar.</source>
        <translation>The PIN you typed to check this bill pays it: “Pay now” pays at once.</translation>
    </message>
    <message>
        <source>Ubah</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>Bayar sekarang</source>
        <translation>Pay now</translation>
    </message>
    <message>
        <source>Lanjut</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>PIN transaksi agen</source>
        <translation>Agent transaction PIN</translation>
    </message>
    <message>
        <source>BNI meminta PIN untuk mengecek tagihan {name}.</source>
        <translation>BNI asks for the PIN to check the {name} bill.</translation>
    </message>
    <message>
        <source>Memeriksa tagihan…</source>
        <translation>Checking bill…</translation>
    </message>
    <message>
        <source>Menyiapkan…</source>
        <translation>Preparing…</translation>
    </message>
    <message>
        <source>Bank menjawab {label} {paid}, bukan {typed} yang diketik. Yang dibayar dan tercetak di struk adalah {paid}: cocokkan dengan pelanggan.</source>
        <translation>The bank answered {label} {paid}, not the {typed} that was typed. {paid} is what is paid and printed on the receipt: check it with the customer.</translation>
    </message>
    <message>
        <source>Periode {period}</source>
        <translation>Period {period}</translation>
    </message>
    <message>
        <source>Nominal bayar (Rp)</source>
        <translation>Amount to pay (Rp)</translation>
    </message>
    <message>
        <source>Nominal tagihan</source>
        <translation>Bill amount</translation>
    </message>
    <message>
        <source>Biaya admin bank</source>
        <translation>Bank admin fee</translation>
    </message>
    <message>
        <source>Total dibayar pelanggan</source>
        <translation>Total the customer pays</translation>
    </message>
    <message>
        <source>Total dibayar pelanggan, tanpa biaya admin bank</source>
        <translation>Total the customer pays, before the bank&apos;s admin fee</translation>
    </message>
    <message>
        <source>Biaya loket</source>
        <translation>Counter fee</translation>
    </message>
    <message>
        <source>Antara {low} dan {high}.</source>
        <translation>Between {low} and {high}.</translation>
    </message>
    <message>
        <source>Minimal {low}.</source>
        <translation>At least {low}.</translation>
    </message>
    <message>
        <source>Maksimal {high}.</source>
        <translation>At most {high}.</translation>
    </message>
    <message>
        <source>Ketik nominal yang dibayar pelanggan.</source>
        <translation>Type the amount the customer pays.</translation>
    </message>
    <message>
        <source>Bayar {name} {total} untuk {whom}.</source>
        <translation>Pay {name} {total} for {whom}.</translation>
    </message>
    <message>
        <source>Membayar tagihan…</source>
        <translation>Paying bill…</translation>
    </message>
</context>
<context>
    <name>BusyOverlay</name>
    <message>
        <source>Memproses…</source>
        <translation>Processing…</translation>
    </message>
    <message>
        <source>Batas waktu jawaban bank: {seconds} detik lagi</source>
        <translation>Bank answer deadline: {seconds} seconds left</translation>
    </message>
</context>
<context>
    <name>ChangePasswordScreen</name>
    <message>
        <source>Password dipakai untuk masuk ke Loket. PIN transaksi tidak berubah.</source>
        <translation>The password is used to log in to Loket. The transaction PIN does not change.</translation>
    </message>
    <message>
        <source>Password lama</source>
        <translation>Old password</translation>
    </message>
    <message>
        <source>Password baru</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>Ulangi password baru</source>
        <translation>Repeat new password</translation>
    </message>
    <message>
        <source>Simpan password baru</source>
        <translation>Save new password</translation>
    </message>
    <message>
        <source>Menyimpan password…</source>
        <translation>Saving password…</translation>
    </message>
    <message>
        <source>Password berhasil diganti. Pakai password baru saat masuk berikutnya.</source>
        <translation>Password changed. Use the new password next time you log in.</translation>
    </message>
</context>
<context>
    <name>CheckAccountScreen</name>
    <message>
        <source>contoh: 4447</source>
        <translation>e.g. 4447</translation>
    </message>
    <message>
        <source>Nomor rekening</source>
        <translation>Account number</translation>
    </message>
    <message>
        <source>Nasabah tidak perlu PIN untuk cek rekening.</source>
        <translation>The customer needs no PIN to check an account.</translation>
    </message>
    <message>
        <source>Cek rekening</source>
        <translation>Check account</translation>
    </message>
    <message>
        <source>Memeriksa rekening…</source>
        <translation>Checking account…</translation>
    </message>
    <message>
        <source>Nama pemilik</source>
        <translation>Account holder</translation>
    </message>
    <message>
        <source>Bank</source>
        <translation>Bank</translation>
    </message>
    <message>
        <source>Nomor HP</source>
        <translation>Mobile number</translation>
    </message>
</context>
<context>
    <name>ChoiceBox</name>
    <message>
        <source>Ketik atau pilih {value}</source>
        <translation>Type or choose {value}</translation>
    </message>
    <message>
        <source>Pilih {value}</source>
        <translation>Choose {value}</translation>
    </message>
</context>
<context>
    <name>ClosedPage</name>
    <message>
        <source>Hari ini sudah ditutup</source>
        <translation>Today is already closed</translation>
    </message>
    <message>
        <source>Buka Laporan Harian</source>
        <translation>Open Daily Reports</translation>
    </message>
</context>
<context>
    <name>CommandPalette</name>
    <message>
        <source>Ketik menu atau produk: {examples}…</source>
        <translation>Type a menu or product: {examples}…</translation>
    </message>
    <message>
        <source>↑ ↓ pilih · Enter buka · Esc tutup</source>
        <translation>↑ ↓ choose · Enter open · Esc close</translation>
    </message>
    <message>
        <source>Tidak ada menu atau produk yang cocok dengan “{typed}”.</source>
        <translation>No menu or product matches “{typed}”.</translation>
    </message>
</context>
<context>
    <name>CountPage</name>
    <message>
        <source>Hitung kas di laci</source>
        <translation>Count the cash in the drawer</translation>
    </message>
    <message>
        <source>Hitung semua uang tunai di laci, lalu ketik jumlahnya. Jumlah yang seharusnya ada baru ditampilkan sesudah hasil hitungan disimpan (hitung buta), supaya hitungan tidak terpengaruh angka sistem.</source>
        <translation>Count all the cash in the drawer, then type the total. The expected amount is only shown after the count is saved (blind count), so the count is not influenced by the system&apos;s figure.</translation>
    </message>
    <message>
        <source>Uang tunai di laci (Rp)</source>
        <translation>Cash in drawer (Rp)</translation>
    </message>
    <message>
        <source>Simpan hitungan</source>
        <translation>Save count</translation>
    </message>
</context>
<context>
    <name>CounterFeesScreen</name>
    <message>
        <source>Biaya loket adalah biaya Anda sendiri, di luar biaya admin bank. Pelanggan membayarnya bersama tagihan; tercetak di bukti sebagai “Biaya loket” dan masuk kas di laci. Kosong atau 0: tanpa biaya loket. Maksimal {maximum}.</source>
        <translation>The counter fee is your own fee, apart from the bank&apos;s admin fee. The customer pays it with the bill; it is printed on the receipt as “Counter fee” and goes into the cash drawer. Empty or 0: no counter fee. At most {maximum}.</translation>
    </message>
    <message>
        <source>ditetapkan BNI saat cek tagihan</source>
        <translation>set by BNI at the bill check</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Menyimpan biaya loket…</source>
        <translation>Saving counter fees…</translation>
    </message>
    <message>
        <source>Biaya loket disimpan ({count} produk dengan biaya). Berlaku untuk cek tagihan berikutnya.</source>
        <translation>Counter fees saved ({count} products with a fee). They apply from the next bill check.</translation>
    </message>
</context>
<context>
    <name>CustomerBalanceScreen</name>
    <message>
        <source>contoh: 4447</source>
        <translation>e.g. 4447</translation>
    </message>
    <message>
        <source>Nomor rekening nasabah</source>
        <translation>Customer account number</translation>
    </message>
    <message>
        <source>Setelah menekan tombol, nasabah mengetik PIN rekeningnya sendiri.</source>
        <translation>After you press the button, the customer types their own account PIN.</translation>
    </message>
    <message>
        <source>Cek saldo</source>
        <translation>Check balance</translation>
    </message>
    <message>
        <source>Saldo</source>
        <translation>Balance</translation>
    </message>
    <message>
        <source>Memeriksa saldo…</source>
        <translation>Checking balance…</translation>
    </message>
</context>
<context>
    <name>DailyReportsScreen</name>
    <message>
        <source>Laporan Harian</source>
        <translation>Daily Reports</translation>
    </message>
    <message>
        <source>Hari yang sudah ditutup</source>
        <translation>Closed days</translation>
    </message>
    <message>
        <source>Belum ada hari yang ditutup. Laporan Z dibuat di Tutup Hari.</source>
        <translation>No day has been closed yet. A Z report is made in Close Day.</translation>
    </message>
    <message>
        <source>Ekspor PDF…</source>
        <translation>Export PDF…</translation>
    </message>
    <message>
        <source>Ekspor CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <source>Ekspor pertama bebas; ekspor berikutnya adalah cetak ulang dan perlu PIN supervisor serta alasan.</source>
        <translation>The first export is free; later exports are reprints and need the supervisor PIN and a reason.</translation>
    </message>
    <message>
        <source>Buka Tutup Hari</source>
        <translation>Go to Close Day</translation>
    </message>
    <message>
        <source>Memuat daftar laporan…</source>
        <translation>Loading report list…</translation>
    </message>
    <message>
        <source>Membuka laporan…</source>
        <translation>Opening report…</translation>
    </message>
    <message>
        <source> Hari ini dibuka kembali sesudahnya: laporan ini tidak berlaku lagi.</source>
        <translation> This day was reopened afterwards: this report is no longer valid.</translation>
    </message>
    <message>
        <source>Kode pengaman laporan: {digest}.{superseded}</source>
        <translation>Report security code: {digest}.{superseded}</translation>
    </message>
</context>
<context>
    <name>DayCloseScreen</name>
    <message>
        <source>Persetujuan supervisor</source>
        <translation>Supervisor approval</translation>
    </message>
    <message>
        <source>Menyiapkan ringkasan hari…</source>
        <translation>Preparing the day&apos;s summary…</translation>
    </message>
    <message>
        <source>{message}

Transaksi baru masuk hari kerja berikutnya ({value}). Laporan Z dapat dibuka, dicetak ulang dan diekspor lagi di Laporan Harian.</source>
        <translation>{message}

New transactions go to the next business day ({value}). The Z report can be opened, reprinted and exported again in Daily Reports.</translation>
    </message>
    <message>
        <source>Memuat ulang…</source>
        <translation>Reloading…</translation>
    </message>
    <message>
        <source>Ringkasan hari</source>
        <translation>Day summary</translation>
    </message>
    <message>
        <source>Hitung kas</source>
        <translation>Count cash</translation>
    </message>
    <message>
        <source>Selisih kas</source>
        <translation>Cash difference</translation>
    </message>
    <message>
        <source>Selesai</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Hari kerja {value} · langkah {shown} dari {total}: {value2}</source>
        <translation>Working day {value} · step {shown} of {total}: {value2}</translation>
    </message>
    <message>
        <source>Menyimpan hitungan…</source>
        <translation>Saving count…</translation>
    </message>
    <message>
        <source>Setujui selisih kas</source>
        <translation>Approve the cash difference</translation>
    </message>
    <message>
        <source>Tutup hari?</source>
        <translation>Close the day?</translation>
    </message>
    <message>
        <source>Hari {day} akan disegel: setelah ditutup, transaksinya tidak bisa ditambah dan laporannya tidak bisa diubah. Transaksi baru masuk hari kerja berikutnya.</source>
        <translation>Day {day} will be sealed: once closed, no transactions can be added and the report cannot be changed. New transactions go to the next business day.</translation>
    </message>
    <message>
        <source>Menutup hari…</source>
        <translation>Closing day…</translation>
    </message>
    <message>
        <source>{variance} (seharusnya {expected}, dihitung {counted}).
Keterangan petugas: &quot;{note}&quot;

Supervisor memeriksa laci dan menyetujui selisih ini dengan PIN-nya sendiri; namanya tercatat di Laporan Z.</source>
        <translation>{variance} (expected {expected}, counted {counted}).
Agent&apos;s note: &quot;{note}&quot;

The supervisor checks the drawer and approves this difference with their own PIN; their name is recorded on the Z report.</translation>
    </message>
    <message>
        <source>Sesudah disetujui, hari disegel: transaksinya tidak bisa ditambah lagi.</source>
        <translation>Once approved, the day is sealed: no more transactions can be added to it.</translation>
    </message>
    <message>
        <source>PIN supervisor wajib diisi. Supervisor mengetik PIN-nya di kotak ini.</source>
        <translation>The supervisor PIN is required. The supervisor types the PIN in this box.</translation>
    </message>
    <message>
        <source>Memeriksa PIN supervisor…</source>
        <translation>Checking supervisor PIN…</translation>
    </message>
    <message>
        <source>Mencadangkan jurnal…</source>
        <translation>Backing up the journal…</translation>
    </message>
    <message>
        <source>Jurnal dicadangkan dan diperiksa: {path}</source>
        <translation>Journal backed up and checked: {path}</translation>
    </message>
    <message>
        <source>Hari tetap ditutup, tetapi jurnal belum dicadangkan. {reason}</source>
        <translation>The day is closed, but the journal was not backed up. {reason}</translation>
    </message>
    <message>
        <source>Memeriksa…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>Laporan Z No. {number:04d} tetap tersimpan dan ditandai &quot;Dibuka kembali&quot;. Hari {day} harus dihitung dan ditutup lagi: Laporan Z baru dengan nomor berikutnya. Persetujuan ini tercatat di laporan hari itu, dan kantor mitra diberi tahu.</source>
        <translation>Z report No. {number:04d} stays on record, marked &quot;Reopened&quot;. Day {day} must be counted and closed again: a new Z report with the next number. This approval is recorded in that day&apos;s report, and the partner office is told.</translation>
    </message>
    <message>
        <source>Shift dan laci hari itu berlaku lagi: transaksi baru masuk hari {day} sampai hari ditutup lagi.</source>
        <translation>That day&apos;s shift and drawer apply again: new transactions go to {day} until the day is closed again.</translation>
    </message>
    <message>
        <source>Transaksi baru tetap masuk hari {today}; hari {day} hanya dihitung dan ditutup lagi.</source>
        <translation>New transactions still go to {today}; {day} is only counted and closed again.</translation>
    </message>
    <message>
        <source>Buka kembali hari {day}?</source>
        <translation>Reopen {day}?</translation>
    </message>
    <message>
        <source>Hari {day} dibuka kembali, disetujui {approver}. Laporan Z No. {number:04d} tetap tersimpan. Catat yang belum tercatat, lalu hitung kas dan tutup hari lagi.</source>
        <translation>Day {day} reopened, approved by {approver}. Z report No. {number:04d} stays on record. Record what was missing, then count the cash and close the day again.</translation>
    </message>
    <message>
        <source>Hari {day} dibuka kembali, disetujui {approver}. Laporan Z No. {number:04d} tetap tersimpan. Transaksi baru masuk hari {today}; hitung kas dan tutup hari {day} lagi.</source>
        <translation>Day {day} reopened, approved by {approver}. Z report No. {number:04d} stays on record. New transactions go to {today}; count the cash and close day {day} again.</translation>
    </message>
</context>
<context>
    <name>DepositScreen</name>
    <message>
        <source>contoh: 14047</source>
        <translation>e.g. 14047</translation>
    </message>
    <message>
        <source>Nomor rekening tujuan</source>
        <translation>Destination account number</translation>
    </message>
    <message>
        <source>Cek rekening</source>
        <translation>Check account</translation>
    </message>
    <message>
        <source>Terisi otomatis setelah rekening dicek</source>
        <translation>Filled in after the account is checked</translation>
    </message>
    <message>
        <source>Nama pemilik rekening</source>
        <translation>Account holder&apos;s name</translation>
    </message>
    <message>
        <source>Bacakan nama ini kepada nasabah sebelum menerima uang.</source>
        <translation>Read this name to the customer before taking the money.</translation>
    </message>
    <message>
        <source>Nominal setoran (Rp)</source>
        <translation>Deposit amount (Rp)</translation>
    </message>
    <message>
        <source>Minimal {rupiah}, maksimal {rupiah2}.</source>
        <translation>Minimum {rupiah}, maximum {rupiah2}.</translation>
    </message>
    <message>
        <source>Berita (boleh kosong)</source>
        <translation>Note (optional)</translation>
    </message>
    <message>
        <source>Lanjut</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>Periksa kembali bersama nasabah sebelum menyetor:</source>
        <translation>Check again with the customer before depositing:</translation>
    </message>
    <message>
        <source>Ubah</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>Setor sekarang</source>
        <translation>Deposit now</translation>
    </message>
    <message>
        <source>Memeriksa rekening…</source>
        <translation>Checking account…</translation>
    </message>
    <message>
        <source>Rekening tujuan</source>
        <translation>Destination account</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Berita</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Nominal setoran</source>
        <translation>Deposit amount</translation>
    </message>
    <message>
        <source>PIN transaksi agen</source>
        <translation>Agent transaction PIN</translation>
    </message>
    <message>
        <source>Setor {rupiah} ke {value} a.n. {value2}.</source>
        <translation>Deposit {rupiah} to {value} in the name of {value2}.</translation>
    </message>
    <message>
        <source>Mengirim setoran…</source>
        <translation>Sending deposit…</translation>
    </message>
</context>
<context>
    <name>DetailsView</name>
    <message>
        <source>← Kembali ke daftar</source>
        <translation>← Back to the list</translation>
    </message>
    <message>
        <source>Cek status</source>
        <translation>Check status</translation>
    </message>
    <message>
        <source>Selesaikan manual</source>
        <translation>Settle manually</translation>
    </message>
    <message>
        <source>Cetak ulang</source>
        <translation>Reprint</translation>
    </message>
    <message>
        <source>Reversal</source>
        <translation>Reversal</translation>
    </message>
    <message>
        <source>Riwayat status</source>
        <translation>Status history</translation>
    </message>
    <message>
        <source>Rincian lain</source>
        <translation>More details</translation>
    </message>
    <message>
        <source>Catatan teknis</source>
        <translation>Technical log</translation>
    </message>
    <message>
        <source>Cetak struk</source>
        <translation>Print receipt</translation>
    </message>
    <message>
        <source>No. referensi</source>
        <translation>Reference no.</translation>
    </message>
    <message>
        <source>Produk</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Dikirim ke</source>
        <translation>Sent to</translation>
    </message>
    <message>
        <source>Ref. Bank</source>
        <translation>Bank ref.</translation>
    </message>
    <message>
        <source>Hari kerja</source>
        <translation>Working day</translation>
    </message>
    <message>
        <source>Tidak diberikan bank untuk produk ini</source>
        <translation>Not given by the bank for this product</translation>
    </message>
    <message>
        <source>Sebelum dipastikan</source>
        <translation>Before it was confirmed</translation>
    </message>
    <message>
        <source>Alasan pembatalan</source>
        <translation>Reason for cancelling</translation>
    </message>
    <message>
        <source>Kode kesalahan</source>
        <translation>Error code</translation>
    </message>
    <message>
        <source>Pesan kesalahan</source>
        <translation>Error message</translation>
    </message>
    <message>
        <source>Kode pengaman</source>
        <translation>Security code</translation>
    </message>
    <message>
        <source>Kode pengaman sebelumnya</source>
        <translation>Previous security code</translation>
    </message>
    <message>
        <source>Kelompok</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>PIN, kata sandi dan kode rahasia tampil sebagai ***.</source>
        <translation>PINs, passwords and secret codes show as ***.</translation>
    </message>
    <message>
        <source>Permintaan</source>
        <translation>Request</translation>
    </message>
    <message>
        <source>Jawaban host</source>
        <translation>Host answer</translation>
    </message>
    <message>
        <source>Pelanggan</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Nominal</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Biaya admin</source>
        <translation>Admin fee</translation>
    </message>
    <message>
        <source>Biaya loket</source>
        <translation>Counter fee</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Petugas</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>Dibuat</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>Diperbarui</source>
        <translation>Updated</translation>
    </message>
</context>
<context>
    <name>FoldingSidebar</name>
    <message>
        <source>Menu</source>
        <translation>Menu</translation>
    </message>
    <message>
        <source>Daftar layar; Ctrl+K untuk mencari layar atau produk</source>
        <translation>The list of screens; Ctrl+K to search for a screen or product</translation>
    </message>
</context>
<context>
    <name>HandoverScreen</name>
    <message>
        <source>Serahkan laci &amp;&amp; keluar</source>
        <translation>Hand over the drawer &amp;&amp; log out</translation>
    </message>
    <message>
        <source>Uang tunai di laci (Rp)</source>
        <translation>Cash in drawer (Rp)</translation>
    </message>
    <message>
        <source>Simpan hitungan</source>
        <translation>Save count</translation>
    </message>
    <message>
        <source>Kas seharusnya (transaksi hari ini)</source>
        <translation>Expected cash (today&apos;s transactions)</translation>
    </message>
    <message>
        <source>Selisih serah terima sebelumnya</source>
        <translation>Earlier handovers&apos; differences</translation>
    </message>
    <message>
        <source>Seharusnya di laci</source>
        <translation>Should be in the drawer</translation>
    </message>
    <message>
        <source>Kas dihitung</source>
        <translation>Counted cash</translation>
    </message>
    <message>
        <source>Selisih</source>
        <translation>Difference</translation>
    </message>
    <message>
        <source>Keterangan selisih</source>
        <translation>Reason for the difference</translation>
    </message>
    <message>
        <source>Wajib diisi bila ada selisih. Selisih ini tercatat atas nama petugas yang menyerahkan, disetujui supervisor dengan PIN-nya.</source>
        <translation>Required when there is a difference. The difference is recorded against the agent handing over, approved by a supervisor with their PIN.</translation>
    </message>
    <message>
        <source>Hitung ulang</source>
        <translation>Count again</translation>
    </message>
    <message>
        <source>Terima laci</source>
        <translation>Take over the drawer</translation>
    </message>
    <message>
        <source>Kedua petugas menandatangani slip serah terima dan menyimpannya bersama laporan hari ini.</source>
        <translation>Both agents sign the handover slip and keep it with today&apos;s report.</translation>
    </message>
    <message>
        <source>Cetak slip lagi</source>
        <translation>Print the slip again</translation>
    </message>
    <message>
        <source>Lanjut melayani</source>
        <translation>Go on serving</translation>
    </message>
    <message>
        <source>Memuat laci kas…</source>
        <translation>Loading the cash drawer…</translation>
    </message>
    <message>
        <source>Shift hari ini belum dibuka</source>
        <translation>Today&apos;s shift is not open yet</translation>
    </message>
    <message>
        <source>Belum ada laci kas yang dipegang. Buka shift lebih dulu di Buka Shift &amp; Kas.</source>
        <translation>Nobody holds the cash drawer yet. Open the shift first in Shift &amp; Cash.</translation>
    </message>
    <message>
        <source>Laci kas dipegang oleh Anda ({operator}) sejak {time} WIB</source>
        <translation>You ({operator}) hold the cash drawer since {time} WIB</translation>
    </message>
    <message>
        <source>Ganti petugas? Tekan &quot;Serahkan laci &amp; keluar&quot;: Anda keluar dari Loket, lalu petugas berikutnya masuk dengan username dan password sendiri dan menghitung uang di laci di depan Anda. Selisihnya tercatat atas nama Anda; kalian berdua menandatangani slip serah terima.</source>
        <translation>Changing agents? Press &quot;Hand over the drawer &amp; log out&quot;: you log out of Loket, then the next agent logs in with their own username and password and counts the cash in the drawer in front of you. Any difference is recorded against you; you both sign the handover slip.</translation>
    </message>
    <message>
        <source>Serah terima kas: dari {giver} kepada {taker}</source>
        <translation>Cash handover: from {giver} to {taker}</translation>
    </message>
    <message>
        <source>Laci kas dipegang {giver}. Sebelum melayani nasabah, hitung semua uang tunai di laci bersama {giver}, lalu ketik jumlahnya. Jumlah yang seharusnya ada baru ditampilkan sesudah hitungan disimpan (hitung buta).</source>
        <translation>{giver} holds the cash drawer. Before serving customers, count all the cash in the drawer together with {giver}, then type the total. The amount that should be there is shown only after the count is saved (blind count).</translation>
    </message>
    <message>
        <source>Hasil hitung serah terima: {giver} → {taker}</source>
        <translation>Handover count: {giver} → {taker}</translation>
    </message>
    <message>
        <source>Keterangan selisih (wajib)</source>
        <translation>Reason for the difference (required)</translation>
    </message>
    <message>
        <source>Keterangan (boleh kosong)</source>
        <translation>Note (optional)</translation>
    </message>
    <message>
        <source>Lanjut: persetujuan supervisor</source>
        <translation>Next: supervisor approval</translation>
    </message>
    <message>
        <source>Menyimpan hitungan…</source>
        <translation>Saving count…</translation>
    </message>
    <message>
        <source>Setujui selisih serah terima</source>
        <translation>Approve the handover difference</translation>
    </message>
    <message>
        <source>{difference} (seharusnya {should}, dihitung {counted}).
Diserahkan {giver}, diterima {taker}.
Keterangan: &quot;{note}&quot;

Supervisor memeriksa laci dan menyetujui selisih ini dengan PIN-nya sendiri; selisih tercatat atas nama {giver} di Laporan Z.</source>
        <translation>{difference} (expected {should}, counted {counted}).
Handed over by {giver}, taken over by {taker}.
Note: &quot;{note}&quot;

The supervisor checks the drawer and approves this difference with their own PIN; the difference is recorded against {giver} on the Z report.</translation>
    </message>
    <message>
        <source>Terima laci?</source>
        <translation>Take over the drawer?</translation>
    </message>
    <message>
        <source>Anda ({taker}) menerima laci kas dari {giver} berisi {counted}, sesuai seharusnya. Sesudah ini uang di laci menjadi tanggung jawab Anda.</source>
        <translation>You ({taker}) take over the cash drawer from {giver} holding {counted}, as expected. From now on the cash in the drawer is your responsibility.</translation>
    </message>
    <message>
        <source>Mencatat serah terima…</source>
        <translation>Recording the handover…</translation>
    </message>
    <message>
        <source>Laci kas diterima {taker} dari {giver}.</source>
        <translation>{taker} took over the cash drawer from {giver}.</translation>
    </message>
    <message>
        <source>Serah terima tercatat (slip {number}).</source>
        <translation>Handover recorded (slip {number}).</translation>
    </message>
    <message>
        <source>{recorded} Printer belum tersambung ke menu ini: slip tampil di bawah.</source>
        <translation>{recorded} No printer is connected to this menu: the slip is shown below.</translation>
    </message>
    <message>
        <source>{recorded} Mencetak slip…</source>
        <translation>{recorded} Printing the slip…</translation>
    </message>
    <message>
        <source>Slip {number}</source>
        <translation>Slip {number}</translation>
    </message>
</context>
<context>
    <name>HistoryScreen</name>
    <message>
        <source>Semua produk</source>
        <translation>All products</translation>
    </message>
    <message>
        <source>Semua status</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>Nomor atau nama</source>
        <translation>Number or name</translation>
    </message>
    <message>
        <source>No. Ref atau Ref. Bank</source>
        <translation>Ref. no. or bank ref.</translation>
    </message>
    <message>
        <source>No. Ref Loket (16 digit, atau awalnya) atau Ref. Bank yang tercetak di struk, utuh</source>
        <translation>Loket&apos;s Ref. no. (16 digits, or its first digits) or the whole Ref. Bank printed on the receipt</translation>
    </message>
    <message>
        <source>Dari tanggal</source>
        <translation>From date</translation>
    </message>
    <message>
        <source>Sampai tanggal</source>
        <translation>To date</translation>
    </message>
    <message>
        <source>Produk</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Pelanggan</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>No. referensi</source>
        <translation>Reference no.</translation>
    </message>
    <message>
        <source>Cari</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Hari ini</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Kosongkan saringan dan tampilkan transaksi hari ini</source>
        <translation>Clear the filters and show today&apos;s transactions</translation>
    </message>
    <message>
        <source>‹ Sebelumnya</source>
        <translation>‹ Previous</translation>
    </message>
    <message>
        <source>Berikutnya ›</source>
        <translation>Next ›</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Tanggal akhir lebih awal dari tanggal mulai.</source>
        <translation>The end date is before the start date.</translation>
    </message>
    <message>
        <source>Nomor referensi hanya berisi angka dan huruf.</source>
        <translation>A reference number holds only digits and letters.</translation>
    </message>
    <message>
        <source>Mencari transaksi…</source>
        <translation>Searching transactions…</translation>
    </message>
    <message numerus="yes">
        <source>Halaman {value} dari {pages} · lebih dari %n transaksi. Ketik lebih lengkap atau persempit tanggal.</source>
        <translation>
            <numerusform>Page {value} of {pages} · more than %n transaction. Type more, or narrow the dates.</numerusform>
            <numerusform>Page {value} of {pages} · more than %n transactions. Type more, or narrow the dates.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Halaman {value} dari {pages} · %n transaksi</source>
        <translation>
            <numerusform>Page {value} of {pages} · %n transaction</numerusform>
            <numerusform>Page {value} of {pages} · %n transactions</numerusform>
        </translation>
    </message>
    <message>
        <source>Tidak ada transaksi yang cocok dengan saringan ini. Periksa tanggal dan saringan lain.</source>
        <translation>No transactions match these filters. Check the dates and the other filters.</translation>
    </message>
    <message>
        <source>Menanyakan status ke host…</source>
        <translation>Asking the host for the status…</translation>
    </message>
    <message>
        <source>Mencatat…</source>
        <translation>Recording…</translation>
    </message>
    <message>
        <source>{value}

Transfer dibatalkan di switcher dan {amount} kembali ke rekening sumber agen. Perlu alasan dan PIN supervisor.</source>
        <translation>{value}

The transfer is cancelled at the switcher and {amount} goes back to the agent&apos;s source account. Needs a reason and the supervisor PIN.</translation>
    </message>
    <message>
        <source>Transfer {reference} dibatalkan. No. referensi pembatalan: {reference2}. Kembalikan uang tunai kepada nasabah.</source>
        <translation>Transfer {reference} cancelled. Cancellation reference no.: {reference2}. Give the cash back to the customer.</translation>
    </message>
    <message>
        <source>Membatalkan transfer…</source>
        <translation>Cancelling transfer…</translation>
    </message>
    <message>
        <source>Struk CETAK ULANG ke-{reprint} dikirim ke printer.</source>
        <translation>REPRINT no. {reprint} of the receipt sent to the printer.</translation>
    </message>
    <message>
        <source>Struk dikirim ke printer.</source>
        <translation>Receipt sent to the printer.</translation>
    </message>
    <message>
        <source>Menyiapkan struk…</source>
        <translation>Preparing receipt…</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <source>Beranda</source>
        <translation>Home</translation>
    </message>
    <message>
        <source>Saldo Agen</source>
        <translation>Agent Balance</translation>
    </message>
    <message>
        <source>Memuat…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Layani nasabah</source>
        <translation>Serve a customer</translation>
    </message>
    <message>
        <source>Tampilkan grafik Bank+</source>
        <translation>Show Bank+ charts</translation>
    </message>
    <message>
        <source>Bulan</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>Bulan grafik Transaksi Laku Pandai</source>
        <translation>Month of the branchless-banking graph</translation>
    </message>
    <message>
        <source>Perbarui</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Muat ulang saldo dan grafik (F5)</source>
        <translation>Reload balance and charts (F5)</translation>
    </message>
    <message>
        <source>Sembunyikan grafik Bank+</source>
        <translation>Hide Bank+ charts</translation>
    </message>
    <message>
        <source>kantor menolak loket ini; minta supervisor memeriksa Koneksi Host</source>
        <translation>the office refuses this counter; ask the supervisor to check Host Connections</translation>
    </message>
    <message>
        <source>koneksi ke kantor tidak aman; minta supervisor memeriksa Koneksi Host</source>
        <translation>the connection to the office is not secure; ask the supervisor to check Host Connections</translation>
    </message>
    <message>
        <source>kantor menolak sebagian catatan loket ini; hubungi operator kantor</source>
        <translation>the office refused some of this counter&apos;s records; contact the office&apos;s operator</translation>
    </message>
    <message>
        <source>kantor belum terjangkau</source>
        <translation>the office cannot be reached yet</translation>
    </message>
    <message>
        <source>Belum tersinkron: {reason}</source>
        <translation>Not synced yet: {reason}</translation>
    </message>
    <message>
        <source>Cadangan yang tercatat ({time}) bukan salinan jurnal ini: jurnal dipulihkan dari cadangan yang lebih lama? Belum ada cadangan jurnal ini. Minta supervisor membuatnya di Pengaturan &gt; Cadangan Jurnal.</source>
        <translation>The backup on record ({time}) is not a copy of this journal: was the journal restored from an older backup? There is no backup of this journal yet. Ask a supervisor to make one in Settings &gt; Journal Backup.</translation>
    </message>
    <message>
        <source>Cadangan jurnal terakhir {time}: Tutup Hari sesudahnya belum dicadangkan. Minta supervisor membuatnya di Pengaturan &gt; Cadangan Jurnal.</source>
        <translation>Last journal backup {time}: a Close Day since then has not been backed up. Ask the supervisor to make one in Settings &gt; Journal Backup.</translation>
    </message>
    <message>
        <source>Belum ada cadangan jurnal: dibuat otomatis sesudah Tutup Hari</source>
        <translation>No journal backup yet: made automatically after Close Day</translation>
    </message>
    <message>
        <source>Tersinkron {time}</source>
        <translation>Synced {time}</translation>
    </message>
    <message numerus="yes">
        <source>%n transaksi belum terkirim ke kantor</source>
        <translation>
            <numerusform>%n transaction not yet sent to the office</numerusform>
            <numerusform>%n transactions not yet sent to the office</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n transaksi belum terkirim ke kantor: {reason}</source>
        <translation>
            <numerusform>%n transaction not yet sent to the office: {reason}</numerusform>
            <numerusform>%n transactions not yet sent to the office: {reason}</numerusform>
        </translation>
    </message>
    <message>
        <source>mulai catatan status ke-{position}</source>
        <translation>from status record {position} on</translation>
    </message>
    <message>
        <source>mulai transaksi ke-{position}</source>
        <translation>from transaction {position} on</translation>
    </message>
    <message>
        <source>Riwayat di loket ini berbeda dengan yang disimpan kantor untuk ID loket ini ({where}); tidak ada lagi yang dikirim ke kantor. Minta operator kantor mendaftarkan PC ini dengan ID loket baru, lalu supervisor mengisi ID dan kata sandinya di Pengaturan &gt; Koneksi Host &gt; Kantor mitra dan membuka ulang Loket.</source>
        <translation>This counter&apos;s history differs from the one the office holds for this counter ID ({where}); nothing more is sent to the office. Ask the office operator to register this PC under a new counter ID; then the supervisor enters that ID and its password in Settings &gt; Host Connection &gt; Partner office and reopens Loket.</translation>
    </message>
    <message>
        <source>Terakhir tersinkron {time}</source>
        <translation>Last synced {time}</translation>
    </message>
    <message>
        <source>Belum tersinkron dengan kantor</source>
        <translation>Not yet synced with the office</translation>
    </message>
    <message>
        <source>Folder cadangan jurnal tidak dapat dijangkau ({folder}): pasang flashdisk atau disk cadangannya.</source>
        <translation>The journal backup folder cannot be reached ({folder}): plug in its USB drive or backup disk.</translation>
    </message>
    <message>
        <source>Cadangan terakhir {time}.</source>
        <translation>Last backup {time}.</translation>
    </message>
    <message>
        <source>Belum ada cadangan jurnal. Minta supervisor membuatnya di Pengaturan &gt; Cadangan Jurnal.</source>
        <translation>No journal backup yet. Ask a supervisor to make one in Settings &gt; Journal Backup.</translation>
    </message>
    <message>
        <source>Cadangan terakhir {time}</source>
        <translation>Last backup {time}</translation>
    </message>
    <message>
        <source>Memuat saldo…</source>
        <translation>Loading balance…</translation>
    </message>
    <message>
        <source>Memuat saldo dan grafik…</source>
        <translation>Loading balance and charts…</translation>
    </message>
    <message>
        <source>Transaksi Laku Pandai — {month}</source>
        <translation>Branchless banking — {month}</translation>
    </message>
    <message>
        <source>Rekening {account_number} a.n. {account_name} · per {wib}</source>
        <translation>Account {account_number} in the name of {account_name} · as of {wib}</translation>
    </message>
</context>
<context>
    <name>HostKeyPanel</name>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Memeriksa…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>Buat kunci baru</source>
        <translation>Create new key</translation>
    </message>
    <message>
        <source>Sidik jari kunci</source>
        <translation>Key fingerprint</translation>
    </message>
    <message>
        <source>Ekspor kunci publik</source>
        <translation>Export public key</translation>
    </message>
    <message>
        <source>Impor kunci privat</source>
        <translation>Import private key</translation>
    </message>
    <message>
        <source>Kunci rusak — {problem}</source>
        <translation>Key damaged — {problem}</translation>
    </message>
    <message>
        <source>Berkas kunci ada, tetapi tidak dapat dibuka di komputer ini: sandinya tersimpan di Windows Credential Manager PC asal folder profil ini. Impor kunci privat aslinya, atau buat kunci baru dan kirim kunci publiknya ke bank (berkas lama disimpan di samping).</source>
        <translation>The key file is here, but this computer cannot open it: its passphrase is in the Windows Credential Manager of the PC this profile folder came from. Import the original private key, or create a new key and send its public key to the bank (the old file is kept aside).</translation>
    </message>
    <message>
        <source>Kunci tersedia</source>
        <translation>Key available</translation>
    </message>
    <message>
        <source>Belum ada kunci. Buat atau impor kunci.</source>
        <translation>No key yet. Create or import a key.</translation>
    </message>
</context>
<context>
    <name>HostSettingsScreen</name>
    <message>
        <source>Mode</source>
        <translation>Mode</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Cek koneksi</source>
        <translation>Check connection</translation>
    </message>
    <message>
        <source>https://…</source>
        <translation>https://…</translation>
    </message>
    <message>
        <source>kosong = fiturId dokumen; contoh bni_life=FTR437/FTR463</source>
        <translation>empty = the document&apos;s fiturIds; e.g. bni_life=FTR437/FTR463</translation>
    </message>
    <message>
        <source>Hanya bila tabel fiturId bank berbeda dari dokumen. Dipakai di mode live saja; sandbox memakai fiturId dokumen.</source>
        <translation>Only when the bank&apos;s fiturId table differs from the document. Used in live mode only; the sandbox uses the document&apos;s fiturIds.</translation>
    </message>
    <message>
        <source>Pengaturan host tidak tersedia di profil ini.</source>
        <translation>Host settings are not available in this profile.</translation>
    </message>
    <message>
        <source>Memuat pengaturan…</source>
        <translation>Loading settings…</translation>
    </message>
    <message>
        <source>Di mode live, alamat host bank wajib https://. Password dan client secret disimpan terenkripsi dan tidak pernah ditampilkan lagi; ketik yang baru untuk menggantinya. {APPLIES_LATER}</source>
        <translation>In live mode, the bank hosts&apos; addresses must use https://. Passwords and client secrets are stored encrypted and never shown again; type a new one to replace it. {APPLIES_LATER}</translation>
    </message>
    <message>
        <source>Menanyai Bank+ dan BNI Keagenan dengan pengaturan yang sedang dipakai, memeriksa sertifikat host lain dan kantor mitra (bila diatur) dengan pengaturan yang tersimpan; memeriksa printer dan supervisor. Tidak ada uang yang berpindah.</source>
        <translation>Asks Bank+ and BNI Keagenan with the settings in use now, checks the other hosts&apos; certificates and the partner office (if set up) with the saved settings; checks the printer and the supervisors. No money moves.</translation>
    </message>
    <message>
        <source>Hanya bila bank memakai CA sendiri: berkas .pem dari bank. Dipakai di mode live untuk host ini saja, selain sertifikat sistem (Windows).</source>
        <translation>Only if the bank uses a CA of its own: the .pem file from the bank. Used in live mode for this host only, besides the system&apos;s certificates (Windows).</translation>
    </message>
    <message>
        <source>Kunci partner: permintaan ke {host} ditandatangani dengan kunci RSA di Pengaturan &gt; Kunci API. Ekspor kunci publiknya, kirim ke {host}, dan bacakan sidik jarinya bila bank mencocokkan.</source>
        <translation>Partner key: requests to {host} are signed with the RSA key in Settings &gt; API Keys. Export its public key, send it to {host}, and read out its fingerprint when the bank checks it.</translation>
    </message>
    <message>
        <source>Pilih berkas sertifikat CA yang dikirim bank (.pem atau .crt).</source>
        <translation>Choose the CA certificate file the bank sent (.pem or .crt).</translation>
    </message>
    <message>
        <source>Pilih sertifikat CA {host}</source>
        <translation>Choose the {host} CA certificate</translation>
    </message>
    <message>
        <source>Tersimpan terenkripsi. Ketik yang baru untuk menggantinya.</source>
        <translation>Stored encrypted. Type a new one to replace it.</translation>
    </message>
    <message>
        <source>Belum ada yang tersimpan.</source>
        <translation>Nothing stored yet.</translation>
    </message>
    <message>
        <source>Pengaturan host tersimpan. {APPLIES_LATER}</source>
        <translation>Host settings saved. {APPLIES_LATER}</translation>
    </message>
    <message>
        <source>Menyimpan…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Memeriksa koneksi ke host…</source>
        <translation>Checking the connection to the hosts…</translation>
    </message>
    <message>
        <source>Tidak ada host yang dapat diperiksa di profil ini.</source>
        <translation>No host in this profile can be checked.</translation>
    </message>
    <message>
        <source>– {host}: belum diatur (menunya di loket tidak dapat dipakai).</source>
        <translation>– {host}: not set up (its menus at the counter cannot be used).</translation>
    </message>
    <message>
        <source>• {host}: diatur; tidak punya pemeriksaan ringan, diperiksa saat dipakai.</source>
        <translation>• {host}: set up; it has no light check and is checked when used.</translation>
    </message>
    <message>
        <source>Kantor mitra: tidak diatur (jurnal tidak disalin ke kantor).</source>
        <translation>Partner office: not set up (the journal is not copied to the office).</translation>
    </message>
    <message>
        <source>Host yang dipakai loket ini: isi tab-nya, Simpan, lalu buka ulang Loket.</source>
        <translation>For each host this counter uses: fill in its tab, Save, then reopen Loket.</translation>
    </message>
    <message>
        <source>– Telepon call center belum diisi: {hosts}.</source>
        <translation>– Call center telephone not filled in: {hosts}.</translation>
    </message>
    <message>
        <source>– Supervisor sandbox: {names}. Hari live memakai supervisor jurnal live sendiri (bila belum ada, Beranda memintanya setelah Loket dibuka ulang di mode live).</source>
        <translation>– Sandbox supervisor: {names}. The live day uses the live journal&apos;s own supervisors (if there are none yet, Home asks for one after Loket is opened again in live mode).</translation>
    </message>
    <message>
        <source>✓ Supervisor: {names}.</source>
        <translation>✓ Supervisor: {names}.</translation>
    </message>
    <message>
        <source>– Supervisor: belum ada; atur di Pengaturan &gt; Supervisor.</source>
        <translation>– Supervisor: none yet; set one in Settings &gt; Supervisor.</translation>
    </message>
    <message>
        <source>Loket sedang berjalan sandbox: yang diperiksa host simulasi, bukan alamat live di tab. Host live diperiksa setelah Loket ditutup dan dibuka ulang di mode live.</source>
        <translation>Loket is running in sandbox: the simulated hosts were checked, not the live addresses in the tabs. The live hosts are checked after Loket is closed and opened again in live mode.</translation>
    </message>
    <message>
        <source>Isian yang belum disimpan tidak ikut diperiksa: tekan Simpan dulu, lalu Cek koneksi lagi.</source>
        <translation>Entries not saved yet are not checked: press Save first, then Check connection again.</translation>
    </message>
    <message>
        <source>✗ Printer: {reason}</source>
        <translation>✗ Printer: {reason}</translation>
    </message>
    <message>
        <source>✓ Printer: tanpa printer, struk disimpan sebagai PDF.</source>
        <translation>✓ Printer: no printer, receipts are saved as PDF.</translation>
    </message>
    <message>
        <source>✓ Printer: {where} dapat dihubungi.</source>
        <translation>✓ Printer: {where} can be reached.</translation>
    </message>
    <message>
        <source>✓ {host}: sertifikat dipercaya (TLS); tidak punya pemeriksaan ringan, permintaan diperiksa saat dipakai.</source>
        <translation>✓ {host}: certificate trusted (TLS); no light check, requests are checked when used.</translation>
    </message>
    <message>
        <source>✓ {host}: terhubung.</source>
        <translation>✓ {host}: connected.</translation>
    </message>
    <message>
        <source>✗ {host}: host menjawab tetapi menolak — {reason}</source>
        <translation>✗ {host}: the host answered but refused — {reason}</translation>
    </message>
    <message>
        <source>✗ {host}: tidak terhubung — {reason}</source>
        <translation>✗ {host}: not connected — {reason}</translation>
    </message>
    <message>
        <source>{value} isian perlu diperbaiki; belum ada yang disimpan.</source>
        <translation>{value} fields need fixing; nothing has been saved.</translation>
    </message>
</context>
<context>
    <name>HostStatus</name>
    <message>
        <source>BNI: memeriksa koneksi…</source>
        <translation>BNI: checking connection…</translation>
    </message>
    <message>
        <source>BNI: terhubung</source>
        <translation>BNI: connected</translation>
    </message>
    <message>
        <source>BNI Keagenan menjawab pukul {time}.</source>
        <translation>BNI Keagenan answered at {time}.</translation>
    </message>
    <message>
        <source>BNI: akses ditolak —
tagihan mungkin gagal</source>
        <translation>BNI: access refused —
bill payments may fail</translation>
    </message>
    <message>
        <source>BNI Keagenan menolak Loket sejak {since}; terakhir dicoba {time}.</source>
        <translation>BNI Keagenan has refused Loket since {since}; last tried at {time}.</translation>
    </message>
    <message>
        <source>BNI: tidak terhubung —
tagihan mungkin gagal</source>
        <translation>BNI: not connected —
bill payments may fail</translation>
    </message>
    <message>
        <source>BNI Keagenan tidak dapat dihubungi sejak {since}; terakhir dicoba {time}.</source>
        <translation>BNI Keagenan has been unreachable since {since}; last tried at {time}.</translation>
    </message>
    <message>
        <source>Sebabnya tidak diketahui: catat jam ini dan hubungi helpdesk.</source>
        <translation>The cause is unknown: note the time and call the helpdesk.</translation>
    </message>
</context>
<context>
    <name>ImagePicker</name>
    <message>
        <source>Belum ada berkas</source>
        <translation>No file yet</translation>
    </message>
    <message>
        <source>Pilih berkas…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <source>Ganti berkas…</source>
        <translation>Change file…</translation>
    </message>
</context>
<context>
    <name>KeysScreen</name>
    <message>
        <source>Kunci privat disimpan terenkripsi di komputer ini dan tidak pernah ditampilkan. Yang diberikan kepada bank hanya kunci publik (berkas .pub).</source>
        <translation>The private key is stored encrypted on this computer and never shown. Only the public key (the .pub file) is given to the bank.</translation>
    </message>
    <message>
        <source>Tidak ada host SNAP yang memakai kunci di profil ini.</source>
        <translation>No SNAP host uses a key in this profile.</translation>
    </message>
    <message>
        <source>Memeriksa kunci…</source>
        <translation>Checking keys…</translation>
    </message>
    <message>
        <source>Ganti kunci?</source>
        <translation>Replace key?</translation>
    </message>
    <message>
        <source>Kunci {value} yang lama akan dihapus dan diganti. Transaksi {value2} baru berjalan lagi setelah bank menerima kunci publik yang baru. Lanjutkan?</source>
        <translation>The old {value} key will be deleted and replaced. {value2} transactions only work again after the bank has received the new public key. Continue?</translation>
    </message>
    <message>
        <source>Kunci baru {value} dibuat (RSA 2048 bit). Ekspor kunci publiknya dan kirim ke {value}. {APPLIES_LATER}</source>
        <translation>New {value} key created (RSA 2048 bit). Export its public key and send it to {value}. {APPLIES_LATER}</translation>
    </message>
    <message>
        <source>Membuat kunci RSA 2048 bit…</source>
        <translation>Creating RSA 2048-bit key…</translation>
    </message>
    <message>
        <source>Simpan kunci publik</source>
        <translation>Save public key</translation>
    </message>
    <message>
        <source>Kunci publik (*.pub *.pem)</source>
        <translation>Public key (*.pub *.pem)</translation>
    </message>
    <message>
        <source>Kunci publik disimpan ke {written}. Kirim berkas ini ke {value}.</source>
        <translation>Public key saved to {written}. Send this file to {value}.</translation>
    </message>
    <message>
        <source>Menyimpan kunci publik…</source>
        <translation>Saving public key…</translation>
    </message>
    <message>
        <source>Pilih kunci privat</source>
        <translation>Choose private key</translation>
    </message>
    <message>
        <source>Kata sandi kunci privat</source>
        <translation>Private key password</translation>
    </message>
    <message>
        <source>Kunci privat ini terkunci kata sandi. Masukkan kata sandinya:</source>
        <translation>This private key is locked with a password. Enter its password:</translation>
    </message>
    <message>
        <source>Kunci privat {value} diimpor dan disimpan terenkripsi. {APPLIES_LATER}</source>
        <translation>{value} private key imported and stored encrypted. {APPLIES_LATER}</translation>
    </message>
    <message>
        <source>Mengimpor kunci…</source>
        <translation>Importing key…</translation>
    </message>
</context>
<context>
    <name>LanguageScreen</name>
    <message>
        <source>Bahasa tampilan Loket. Struk, laporan dan pesan dari bank tetap berbahasa Indonesia.</source>
        <translation>The language of Loket&apos;s screens. Receipts, reports and messages from the banks stay in Indonesian.</translation>
    </message>
    <message>
        <source>Pakai bahasa ini</source>
        <translation>Use this language</translation>
    </message>
    <message>
        <source>Bahasa ini sudah dipakai.</source>
        <translation>This language is already in use.</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Loket terkunci</source>
        <translation>Loket locked</translation>
    </message>
    <message>
        <source>Dipakai oleh &lt;b&gt;{agent}&lt;/b&gt; ({username}). Layar dikunci karena tidak ada aktivitas. Buka dengan password agen atau PIN cepat.</source>
        <translation>In use by &lt;b&gt;{agent}&lt;/b&gt; ({username}). The screen was locked after a period of inactivity. Unlock with the agent password or the quick PIN.</translation>
    </message>
    <message>
        <source>Password agen</source>
        <translation>Agent password</translation>
    </message>
    <message>
        <source>Buka</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>Buka dengan PIN</source>
        <translation>Unlock with PIN</translation>
    </message>
    <message>
        <source>atau PIN cepat</source>
        <translation>or quick PIN</translation>
    </message>
    <message>
        <source>Bukan {agent}? Akhiri sesi ini, lalu masuk dengan akun Anda sendiri.</source>
        <translation>Not {agent}? End this session, then log in with your own account.</translation>
    </message>
    <message>
        <source>Ganti petugas</source>
        <translation>Change agent</translation>
    </message>
    <message>
        <source>Password salah. Ketik ulang password agen {agent} ({username}).</source>
        <translation>Wrong password. Type the password of agent {agent} ({username}) again.</translation>
    </message>
    <message>
        <source>Terlalu banyak percobaan yang salah. Coba lagi dalam {seconds} detik.</source>
        <translation>Too many wrong attempts. Try again in {seconds} seconds.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Sesi berakhir — masuk kembali</source>
        <translation>Session ended — log in again</translation>
    </message>
    <message>
        <source>Masuk kembali</source>
        <translation>Log in again</translation>
    </message>
    <message>
        <source>Sesi Anda di bank telah berakhir. Masukkan password untuk melanjutkan; isian di layar tetap tersimpan.</source>
        <translation>Your session at the bank has ended. Enter your password to continue; what you typed on screen is kept.</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>LoginForm</name>
    <message>
        <source>contoh: BNIUS100294</source>
        <translation>e.g. BNIUS100294</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Masuk</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>Menyiapkan…</source>
        <translation>Preparing…</translation>
    </message>
    <message>
        <source>Tidak dapat masuk</source>
        <translation>Cannot log in</translation>
    </message>
    <message>
        <source>Memeriksa…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>Tidak dapat terhubung ke bank. Periksa koneksi internet, lalu coba lagi.</source>
        <translation>Cannot connect to the bank. Check the internet connection, then try again.</translation>
    </message>
</context>
<context>
    <name>LoginWindow</name>
    <message>
        <source>Layanan agen bank di loket Anda:
setor tunai, transfer, buka rekening,
cek saldo, tagihan dan pembelian.</source>
        <translation>Bank agent services at your counter:
cash deposits, transfers,
new accounts, balance checks,
bills and purchases.</translation>
    </message>
    <message>
        <source>Versi {version}</source>
        <translation>Version {version}</translation>
    </message>
    <message>
        <source>Masuk</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>Masukkan username dan password agen Anda.</source>
        <translation>Enter your agent username and password.</translation>
    </message>
    <message>
        <source>Bank+: {address}. Alamat salah? Buka Loket sekali dengan --sandbox, lalu supervisor membetulkannya di Pengaturan &gt; Koneksi Host.</source>
        <translation>Bank+: {address}. Wrong address? Open Loket once with --sandbox, then a supervisor corrects it in Settings &gt; Host Connection.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Mode latihan (SANDBOX).&lt;/b&gt; Agen contoh: username &lt;b&gt;{username}&lt;/b&gt;, password &lt;b&gt;{password}&lt;/b&gt;, PIN transaksi &lt;b&gt;{pin}&lt;/b&gt;. Uang dan transaksi di mode ini tidak nyata.</source>
        <translation>&lt;b&gt;Training mode (SANDBOX).&lt;/b&gt; Example agent: username &lt;b&gt;{username}&lt;/b&gt;, password &lt;b&gt;{password}&lt;/b&gt;, transaction PIN &lt;b&gt;{pin}&lt;/b&gt;. Money and transactions in this mode are not real.</translation>
    </message>
    <message>
        <source>Agen kedua (latihan Serah Terima Kas): username &lt;b&gt;{username}&lt;/b&gt;, password &lt;b&gt;{password}&lt;/b&gt;, PIN transaksi &lt;b&gt;{pin}&lt;/b&gt; (tagihan BNI: PIN konter &lt;b&gt;{counter_pin}&lt;/b&gt;).</source>
        <translation>Second agent (to practise Cash Handover): username &lt;b&gt;{username}&lt;/b&gt;, password &lt;b&gt;{password}&lt;/b&gt;, transaction PIN &lt;b&gt;{pin}&lt;/b&gt; (BNI bills: the counter&apos;s PIN &lt;b&gt;{counter_pin}&lt;/b&gt;).</translation>
    </message>
</context>
<context>
    <name>LogoPicker</name>
    <message>
        <source>Pilih logo…</source>
        <translation>Choose logo…</translation>
    </message>
    <message>
        <source>Hapus</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Tanpa logo</source>
        <translation>No logo</translation>
    </message>
</context>
<context>
    <name>ManualResolutionDialog</name>
    <message>
        <source>Selesaikan manual</source>
        <translation>Settle manually</translation>
    </message>
    <message>
        <source>Simpan jawaban bank</source>
        <translation>Save the bank&apos;s answer</translation>
    </message>
    <message>
        <source>Jawaban bank:</source>
        <translation>The bank&apos;s answer:</translation>
    </message>
    <message>
        <source>BERHASIL (dana sudah berpindah)</source>
        <translation>SUCCESSFUL (the money moved)</translation>
    </message>
    <message>
        <source>GAGAL (dana tidak berpindah)</source>
        <translation>FAILED (no money moved)</translation>
    </message>
    <message>
        <source>mis. Ibu Rina</source>
        <translation>e.g. Ms Rina</translation>
    </message>
    <message>
        <source>Jam telepon (WIB)</source>
        <translation>Time of the call (WIB)</translation>
    </message>
    <message>
        <source>kosong = seperti tercatat</source>
        <translation>empty = as recorded</translation>
    </message>
    <message>
        <source>Biaya admin menurut bank (Rp)</source>
        <translation>Admin fee according to the bank (Rp)</translation>
    </message>
    <message>
        <source>Isi bila petugas menyebut biaya admin lain dari yang tercatat; kosongkan bila sama.</source>
        <translation>Fill in if the officer names a different admin fee from the one recorded; leave empty if it is the same.</translation>
    </message>
    <message>
        <source>Nama petugas bank</source>
        <translation>Bank officer&apos;s name</translation>
    </message>
    <message>
        <source>Nomor jurnal host (bila disebut)</source>
        <translation>Host journal number (if given)</translation>
    </message>
    <message>
        <source>Catatan (boleh kosong)</source>
        <translation>Note (optional)</translation>
    </message>
</context>
<context>
    <name>MonthPicker</name>
    <message numerus="yes">
        <source>%n bulan</source>
        <translation>
            <numerusform>%n month</numerusform>
            <numerusform>%n months</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OfficePage</name>
    <message>
        <source>Pilih berkas sertifikat yang dikirim kantor mitra (.pem atau .crt).</source>
        <translation>Choose the certificate file the partner office sent (.pem or .crt).</translation>
    </message>
    <message>
        <source>Pilih sertifikat kantor mitra</source>
        <translation>Choose the partner office&apos;s certificate</translation>
    </message>
</context>
<context>
    <name>OpenAccountScreen</name>
    <message>
        <source>Isi sesuai KTP asli nasabah. Semua isian wajib, kecuali yang bertanda (boleh kosong).</source>
        <translation>Fill in as on the customer&apos;s original ID card (KTP). Every field is required unless marked (optional).</translation>
    </message>
    <message>
        <source>Data diperiksa dulu sebelum dikirim; ringkasannya dibacakan kepada nasabah.</source>
        <translation>The details are checked before sending; the summary is read to the customer.</translation>
    </message>
    <message>
        <source>Lanjut — periksa data</source>
        <translation>Next — check details</translation>
    </message>
    <message>
        <source>Jenis kelamin</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>Nomor HP</source>
        <translation>Mobile number</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Alamat</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Cari kode pos</source>
        <translation>Find postcode</translation>
    </message>
    <message>
        <source>Kode pos</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <source>Pekerjaan</source>
        <translation>Occupation</translation>
    </message>
    <message>
        <source>{label} belum dipilih</source>
        <translation>{label} not chosen yet</translation>
    </message>
    <message>
        <source>boleh kosong</source>
        <translation>optional</translation>
    </message>
    <message>
        <source>minimal {rupiah}</source>
        <translation>at least {rupiah}</translation>
    </message>
    <message>
        <source>Uang tunai dari nasabah, {floor}, maksimal {rupiah}. Dipotong dari saldo agen.</source>
        <translation>Cash from the customer, {floor}, at most {rupiah}. Taken from the agent balance.</translation>
    </message>
    <message>
        <source>Bacakan ringkasan ini kepada nasabah. Bila sudah benar, tekan Buka rekening dan masukkan PIN transaksi agen.</source>
        <translation>Read this summary to the customer. If it is correct, press Open account and enter the agent transaction PIN.</translation>
    </message>
    <message>
        <source>Ubah data</source>
        <translation>Edit details</translation>
    </message>
    <message>
        <source>Buka rekening</source>
        <translation>Open account</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Tempat, tgl lahir</source>
        <translation>Place, date of birth</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Ibu kandung</source>
        <translation>Mother&apos;s name</translation>
    </message>
    <message>
        <source>Telepon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>{value} RT {value2}/RW {value3}</source>
        <translation>{value} RT {value2}/RW {value3}</translation>
    </message>
    <message>
        <source>Kelurahan, kecamatan</source>
        <translation>Village, district</translation>
    </message>
    <message>
        <source>Kota, provinsi</source>
        <translation>City, province</translation>
    </message>
    <message>
        <source>Pendidikan</source>
        <translation>Education</translation>
    </message>
    <message>
        <source>Penghasilan</source>
        <translation>Income</translation>
    </message>
    <message>
        <source>Perkiraan transaksi</source>
        <translation>Expected transactions</translation>
    </message>
    <message>
        <source>Dokumen</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Setoran awal</source>
        <translation>Opening deposit</translation>
    </message>
    <message>
        <source>Memuat daftar pekerjaan dan penghasilan…</source>
        <translation>Loading occupations and income ranges…</translation>
    </message>
    <message>
        <source>Mencari kode pos…</source>
        <translation>Looking up postcode…</translation>
    </message>
    <message>
        <source>Kode pos {code} ditemukan dari data wilayah.</source>
        <translation>Postcode {code} found from the area data.</translation>
    </message>
    <message>
        <source>{message} Diperlukan untuk mencari kode pos.</source>
        <translation>{message} Needed to look up the postcode.</translation>
    </message>
    <message>
        <source>Pilih {value}</source>
        <translation>Choose {value}</translation>
    </message>
    <message>
        <source>Membuka gambar…</source>
        <translation>Opening image…</translation>
    </message>
    <message>
        <source>{value} isian perlu diperbaiki (ditandai merah). Perbaiki lalu tekan Lanjut lagi.</source>
        <translation>{value} fields need fixing (marked in red). Fix them, then press Next again.</translation>
    </message>
    <message>
        <source>PIN transaksi agen</source>
        <translation>Agent transaction PIN</translation>
    </message>
    <message>
        <source>Buka rekening a.n. {value} (NIK {value2}), setoran awal {deposit}.</source>
        <translation>Open an account for {value} (NIK {value2}), opening deposit {deposit}.</translation>
    </message>
    <message>
        <source>Nomor rekening baru</source>
        <translation>New account number</translation>
    </message>
    <message>
        <source>Membuka rekening…</source>
        <translation>Opening account…</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <source>Lanjut</source>
        <translation>Next</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <source>Cetak</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>PrinterSettingsScreen</name>
    <message>
        <source>Struk dicetak otomatis setelah setiap transaksi berhasil. Cek printer dan Cetak tes memakai isian di layar, juga sebelum disimpan.</source>
        <translation>A receipt is printed automatically after every successful transaction. Check printer and Test print use the values on screen, even before saving.</translation>
    </message>
    <message>
        <source>Sambungan printer</source>
        <translation>Printer connection</translation>
    </message>
    <message>
        <source>misalnya 192.168.1.50</source>
        <translation>e.g. 192.168.1.50</translation>
    </message>
    <message>
        <source>misalnya 0416</source>
        <translation>e.g. 0416</translation>
    </message>
    <message>
        <source>misalnya 5011</source>
        <translation>e.g. 5011</translation>
    </message>
    <message>
        <source>misalnya COM3</source>
        <translation>e.g. COM3</translation>
    </message>
    <message>
        <source>nama printer di Windows</source>
        <translation>printer name in Windows</translation>
    </message>
    <message>
        <source>Struk tidak dicetak, tetapi disimpan sebagai PDF di folder:
{receipts_dir}</source>
        <translation>Receipts are not printed but saved as PDF in the folder:
{receipts_dir}</translation>
    </message>
    <message>
        <source>Alamat IP printer</source>
        <translation>Printer IP address</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Printer struk jaringan memakai port 9100.</source>
        <translation>Network receipt printers use port 9100.</translation>
    </message>
    <message>
        <source>Vendor ID</source>
        <translation>Vendor ID</translation>
    </message>
    <message>
        <source>Product ID</source>
        <translation>Product ID</translation>
    </message>
    <message>
        <source>Lihat di Device Manager &gt; printer &gt; Details &gt; Hardware Ids (VID_xxxx, PID_xxxx).</source>
        <translation>See Device Manager &gt; printer &gt; Details &gt; Hardware Ids (VID_xxxx, PID_xxxx).</translation>
    </message>
    <message>
        <source>Kecepatan (baud)</source>
        <translation>Speed (baud)</translation>
    </message>
    <message>
        <source>Nama printer</source>
        <translation>Printer name</translation>
    </message>
    <message>
        <source>Tulis persis seperti di Windows: Pengaturan &gt; Printer &amp; pemindai.</source>
        <translation>Type it exactly as in Windows: Settings &gt; Printers &amp; scanners.</translation>
    </message>
    <message>
        <source>58 mm (32 karakter)</source>
        <translation>58 mm (32 characters)</translation>
    </message>
    <message>
        <source>80 mm (48 karakter)</source>
        <translation>80 mm (48 characters)</translation>
    </message>
    <message>
        <source>80 mm (42 karakter)</source>
        <translation>80 mm (42 characters)</translation>
    </message>
    <message>
        <source>Lebar kertas</source>
        <translation>Paper width</translation>
    </message>
    <message>
        <source>Buka laci saat struk tunai dicetak</source>
        <translation>Open drawer on a cash receipt</translation>
    </message>
    <message>
        <source>Hanya pada cetakan pertama; cetak ulang tidak membuka laci.</source>
        <translation>Only on the first print; a reprint does not open the drawer.</translation>
    </message>
    <message>
        <source>Logo di atas struk</source>
        <translation>Logo at the top of the receipt</translation>
    </message>
    <message>
        <source>Gambar hitam-putih, lebar paling baik 384 titik (58 mm) atau 576 titik (80 mm).</source>
        <translation>Black-and-white image, ideally 384 dots wide (58 mm) or 576 dots (80 mm).</translation>
    </message>
    <message>
        <source>Teks kaki struk</source>
        <translation>Receipt footer text</translation>
    </message>
    <message>
        <source>Satu kalimat per baris; baris panjang dipotong rapi di batas kertas.</source>
        <translation>One sentence per line; long lines are wrapped neatly at the paper edge.</translation>
    </message>
    <message>
        <source>Preview dulu sebelum cetak</source>
        <translation>Preview before printing</translation>
    </message>
    <message>
        <source>Struk tampil di layar dulu; tekan Cetak untuk mencetak.</source>
        <translation>The receipt is shown on screen first; press Print to print it.</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Cek printer</source>
        <translation>Check printer</translation>
    </message>
    <message>
        <source>Cetak tes</source>
        <translation>Test print</translation>
    </message>
    <message>
        <source>Pilih logo struk</source>
        <translation>Choose receipt logo</translation>
    </message>
    <message>
        <source>Membaca pengaturan…</source>
        <translation>Reading settings…</translation>
    </message>
    <message>
        <source>Menyimpan…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Pengaturan printer disimpan. Struk berikutnya memakai pengaturan ini.</source>
        <translation>Printer settings saved. The next receipt uses them.</translation>
    </message>
    <message>
        <source>Memeriksa printer…</source>
        <translation>Checking printer…</translation>
    </message>
    <message>
        <source>Folder struk siap dipakai: {where}</source>
        <translation>Receipt folder ready: {where}</translation>
    </message>
    <message>
        <source>Printer {where} dapat dihubungi. Tekan Cetak tes untuk mencoba.</source>
        <translation>Printer {where} can be reached. Press Test print to try it.</translation>
    </message>
    <message>
        <source>Mencetak halaman tes…</source>
        <translation>Printing test page…</translation>
    </message>
    <message>
        <source>Halaman tes dikirim ke printer. Jika deret angka tercetak utuh dalam satu baris, lebar kertas sudah benar.</source>
        <translation>Test page sent to the printer. If the row of digits prints on one line, the paper width is right.</translation>
    </message>
</context>
<context>
    <name>PrintoutPrinter</name>
    <message>
        <source>{what} tercetak.</source>
        <translation>{what} printed.</translation>
    </message>
    <message>
        <source>Tidak ada printer struk (mode PDF).</source>
        <translation>There is no receipt printer (PDF mode).</translation>
    </message>
    <message>
        <source>{what} tidak tercetak. {reason} Teksnya tidak disimpan di mana pun: tulis dengan tangan.</source>
        <translation>{what} not printed. {reason} Its text is not kept anywhere: write it down by hand.</translation>
    </message>
    <message>
        <source>Teksnya disimpan: {path}</source>
        <translation>Its text was saved: {path}</translation>
    </message>
    <message>
        <source>Teksnya juga tidak dapat disimpan.</source>
        <translation>Its text could not be saved either.</translation>
    </message>
    <message>
        <source>{what} tidak tercetak. {reason} {kept}</source>
        <translation>{what} was not printed. {reason} {kept}</translation>
    </message>
    <message>
        <source>Tidak ada printer struk (mode PDF): {what} disimpan sebagai teks: {path}</source>
        <translation>No receipt printer (PDF mode): {what} saved as text: {path}</translation>
    </message>
</context>
<context>
    <name>ProductForm</name>
    <message>
        <source>Jenis pembayaran</source>
        <translation>Payment type</translation>
    </message>
</context>
<context>
    <name>ProductPicker</name>
    <message>
        <source>Cari produk…</source>
        <translation>Search products…</translation>
    </message>
    <message>
        <source>  (contoh: {value})</source>
        <translation>  (e.g. {value})</translation>
    </message>
    <message>
        <source>Koneksi BNI: memeriksa…</source>
        <translation>BNI connection: checking…</translation>
    </message>
    <message>
        <source>Tidak ada produk yang cocok dengan “{value}”. Coba kata lain, misalnya nama perusahaan atau jenis tagihan.</source>
        <translation>No product matches “{value}”. Try another word, such as the company name or the type of bill.</translation>
    </message>
    <message>
        <source>Satu produk cocok — tekan Enter untuk membukanya.</source>
        <translation>One product matches — press Enter to open it.</translation>
    </message>
    <message>
        <source>{value} produk cocok. Enter membuka yang pertama; ↓ untuk memilih yang lain.</source>
        <translation>{value} products match. Enter opens the first; ↓ to choose another.</translation>
    </message>
    <message>
        <source>Koneksi BNI: OK</source>
        <translation>BNI connection: OK</translation>
    </message>
    <message>
        <source>Koneksi BNI: gagal</source>
        <translation>BNI connection: failed</translation>
    </message>
</context>
<context>
    <name>PromptDialog</name>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ReceiptPrinting</name>
    <message>
        <source>Cetak ulang</source>
        <translation>Reprint</translation>
    </message>
    <message>
        <source>Lihat struk</source>
        <translation>View receipt</translation>
    </message>
    <message>
        <source>Pratinjau struk — cetak ulang</source>
        <translation>Receipt preview — reprint</translation>
    </message>
    <message>
        <source>Pratinjau struk</source>
        <translation>Receipt preview</translation>
    </message>
    <message>
        <source>Mencetak struk…</source>
        <translation>Printing receipt…</translation>
    </message>
    <message>
        <source>Struk No. ref {reference}: </source>
        <translation>Receipt for ref. no. {reference}: </translation>
    </message>
    <message>
        <source>Struk tercetak. Serahkan kepada nasabah.</source>
        <translation>Receipt printed. Hand it to the customer.</translation>
    </message>
    <message>
        <source>{prefix}Struk disimpan sebagai PDF {pdf_name} di folder struk (lihat Pengaturan &gt; Printer).</source>
        <translation>{prefix}Receipt saved as PDF {pdf_name} in the receipts folder (see Settings &gt; Printer).</translation>
    </message>
    <message>
        <source>Struk tidak dapat disiapkan. Transaksi tetap tercatat; coba Cetak ulang, atau cetak dari Riwayat Transaksi.</source>
        <translation>The receipt could not be prepared. The transaction is still recorded; try Reprint, or print it from Transaction History.</translation>
    </message>
    <message>
        <source>Cetak struk</source>
        <translation>Print receipt</translation>
    </message>
</context>
<context>
    <name>RecoveryCodeDialog</name>
    <message>
        <source>Kode pemulihan supervisor</source>
        <translation>Supervisor recovery code</translation>
    </message>
    <message>
        <source>Tulis kode ini di kertas atau cetak, lalu serahkan kepada pemilik untuk disimpan di brankas atau tempat aman lain, bukan di loket. Jika supervisor lupa PIN-nya, kode ini mengatur PIN baru, sekali saja. Kode ini tampil sekarang saja: Loket tidak dapat menampilkannya lagi.</source>
        <translation>Write this code on paper or print it, then give it to the owner to keep in a safe or another secure place, not at the counter. If a supervisor forgets their PIN, this code sets a new one, once only. The code is shown only now: Loket cannot show it again.</translation>
    </message>
    <message>
        <source>Huruf dan angka yang mirip tidak dipakai (tidak ada O, 0, I, 1, L). Tanda hubung boleh tidak diketik.</source>
        <translation>Look-alike letters and digits are not used (no O, 0, I, 1, L). The dashes may be left out when typing.</translation>
    </message>
    <message>
        <source>Kode sudah saya tulis atau cetak untuk pemilik</source>
        <translation>Written down or printed for the owner</translation>
    </message>
    <message>
        <source>Cetak kode</source>
        <translation>Print code</translation>
    </message>
    <message>
        <source>Selesai</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Mencetak kode…</source>
        <translation>Printing the code…</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>Lupa PIN supervisor</source>
        <translation>Forgotten supervisor PIN</translation>
    </message>
    <message>
        <source>Ketik kode pemulihan dari kertas pemilik, pilih supervisor, lalu PIN barunya. Kode hanya berlaku sekali: sesudahnya buat kode pemulihan baru.</source>
        <translation>Type the recovery code from the owner&apos;s paper, choose the supervisor, then the new PIN. The code works only once: afterwards, issue a new recovery code.</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>Kode pemulihan</source>
        <translation>Recovery code</translation>
    </message>
    <message>
        <source>Atur PIN baru</source>
        <translation>Set new PIN</translation>
    </message>
</context>
<context>
    <name>ReportActions</name>
    <message>
        <source>Pilih folder untuk {value} laporan</source>
        <translation>Choose a folder for the {value} report</translation>
    </message>
    <message>
        <source>Menyimpan {value}…</source>
        <translation>Saving {value}…</translation>
    </message>
    <message>
        <source>Mencetak ringkasan…</source>
        <translation>Printing the summary…</translation>
    </message>
    <message>
        <source>Ringkasan {value}</source>
        <translation>Summary {value}</translation>
    </message>
    <message>
        <source>Printer struk belum tersambung ke menu ini: ringkasan ditampilkan di layar. Cetakan ini sudah tercatat; cetak berikutnya dihitung sebagai cetak ulang.</source>
        <translation>The receipt printer is not connected to this menu: the summary is shown on screen. This print has been recorded; the next one counts as a reprint.</translation>
    </message>
    <message>
        <source>Printer struk belum tersambung: gunakan Ekspor PDF.</source>
        <translation>No receipt printer connected: use Export PDF.</translation>
    </message>
    <message>
        <source>Menyiapkan ringkasan…</source>
        <translation>Preparing summary…</translation>
    </message>
    <message>
        <source>Laporan disimpan: {path}</source>
        <translation>Report saved: {path}</translation>
    </message>
    <message>
        <source>Cetak/ekspor ulang laporan</source>
        <translation>Reprint/re-export report</translation>
    </message>
    <message>
        <source>{value} laporan ini sudah pernah dibuat. Membuatnya lagi adalah cetak ulang: perlu PIN supervisor dan alasannya, dan tercatat di laporan.</source>
        <translation>{value} of this report has already been made. Making it again is a reprint: it needs the supervisor PIN and a reason, and is recorded in the report.</translation>
    </message>
    <message>
        <source>Cetak/ekspor ulang dibatalkan.</source>
        <translation>Reprint/re-export cancelled.</translation>
    </message>
</context>
<context>
    <name>ReportView</name>
    <message>
        <source>Laporan Z No. {number}</source>
        <translation>Z report No. {number}</translation>
    </message>
    <message>
        <source>Laporan X (sementara, belum ditutup)</source>
        <translation>X report (interim, day not closed)</translation>
    </message>
    <message>
        <source>{heading} · hari kerja {value} · dibuat {made}</source>
        <translation>{heading} · working day {value} · made {made}</translation>
    </message>
    <message>
        <source>Dokumen diterbitkan (tanpa uang di loket, tidak termasuk total): {value}</source>
        <translation>Documents issued (no money at the counter, not in the totals): {value}</translation>
    </message>
    <message>
        <source>Transaksi gagal ({value})</source>
        <translation>Failed transactions ({value})</translation>
    </message>
    <message>
        <source>Transaksi gagal: tidak ada</source>
        <translation>Failed transactions: none</translation>
    </message>
    <message>
        <source>Transaksi menggantung / belum pasti ({value})</source>
        <translation>Pending / unknown transactions ({value})</translation>
    </message>
    <message>
        <source>Transaksi menggantung: tidak ada</source>
        <translation>Pending transactions: none</translation>
    </message>
    <message>
        <source>Transaksi dibatalkan (reversal) ({value})</source>
        <translation>Cancelled transactions (reversal) ({value})</translation>
    </message>
    <message>
        <source>Persetujuan supervisor:</source>
        <translation>Supervisor approvals:</translation>
    </message>
    <message>
        <source>{at} · {action} · disetujui {approver} · {reason}</source>
        <translation>{at} · {action} · approved by {approver} · {reason}</translation>
    </message>
    <message>
        <source>Penyelesaian terlambat:
{reference}
(hari kerja {day})</source>
        <translation>Late settlement:
{reference}
(working day {day})</translation>
    </message>
    <message>
        <source>Kas seharusnya di laci</source>
        <translation>Expected cash in drawer</translation>
    </message>
    <message>
        <source>disembunyikan sampai kas selesai dihitung</source>
        <translation>hidden until the cash has been counted</translation>
    </message>
    <message>
        <source>Modal awal</source>
        <translation>Opening float</translation>
    </message>
    <message>
        <source>Tunai diterima</source>
        <translation>Cash received</translation>
    </message>
    <message>
        <source>Tunai dibayarkan</source>
        <translation>Cash paid out</translation>
    </message>
    <message>
        <source>Mutasi kas</source>
        <translation>Cash movements</translation>
    </message>
    <message>
        <source>Rp 0</source>
        <translation>Rp 0</translation>
    </message>
    <message>
        <source>termasuk uang transaksi menggantung (belum pasti)</source>
        <translation>including cash of pending transactions (status unknown)</translation>
    </message>
    <message>
        <source>termasuk uang transaksi menggantung hari sebelumnya</source>
        <translation>including cash of pending transactions of earlier days</translation>
    </message>
    <message>
        <source>Tertahan di transaksi menggantung</source>
        <translation>Held in pending transactions</translation>
    </message>
    <message>
        <source>Tertahan di transaksi menggantung hari sebelumnya</source>
        <translation>Held in pending transactions of earlier days</translation>
    </message>
    <message>
        <source>Saldo rekening agen</source>
        <translation>Agent account balance</translation>
    </message>
    <message numerus="yes">
        <source>%n transaksi masih menggantung saat hari ditutup (disetujui supervisor). Selesaikan di Beranda, daftar Transaksi Menggantung.</source>
        <translation>
            <numerusform>%n transaction was still pending when the day was closed (approved by a supervisor). Settle it in the Pending Transactions list on Home.</numerusform>
            <numerusform>%n transactions were still pending when the day was closed (approved by a supervisor). Settle them in the Pending Transactions list on Home.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n transaksi menggantung (statusnya belum pasti). Selesaikan di Beranda, daftar Transaksi Menggantung, sebelum menutup hari; menutup tetap bisa dengan persetujuan supervisor.</source>
        <translation>
            <numerusform>%n pending transaction (status unknown). Settle it in the Pending Transactions list on Home before closing the day; closing is still possible with supervisor approval.</numerusform>
            <numerusform>%n pending transactions (status unknown). Settle them in the Pending Transactions list on Home before closing the day; closing is still possible with supervisor approval.</numerusform>
        </translation>
    </message>
    <message>
        <source>Serah terima kas:</source>
        <translation>Cash handovers:</translation>
    </message>
    <message>
        <source>{time} · {giver} → {taker} · dihitung {counted}, seharusnya {should}: {difference}</source>
        <translation>{time} · {giver} → {taker} · counted {counted}, expected {should}: {difference}</translation>
    </message>
    <message>
        <source> · disetujui {approver}</source>
        <translation> · approved by {approver}</translation>
    </message>
    <message>
        <source>Selisih per petugas (yang memegang laci):</source>
        <translation>Difference per agent (who held the drawer):</translation>
    </message>
    <message>
        <source>{operator} ({start}–{end}): {difference}</source>
        <translation>{operator} ({start}–{end}): {difference}</translation>
    </message>
    <message>
        <source>sekarang</source>
        <translation>now</translation>
    </message>
    <message>
        <source>belum dihitung</source>
        <translation>not counted yet</translation>
    </message>
    <message>
        <source>Hitungan ke-{number} ({time}, {operator})</source>
        <translation>Count {number} ({time}, {operator})</translation>
    </message>
    <message>
        <source>{counted}, seharusnya saat itu {expected}: {variance}</source>
        <translation>{counted}, expected then {expected}: {variance}</translation>
    </message>
    <message>
        <source>Kas dihitung</source>
        <translation>Counted cash</translation>
    </message>
    <message>
        <source>Selisih</source>
        <translation>Difference</translation>
    </message>
    <message>
        <source>Keterangan selisih</source>
        <translation>Reason for the difference</translation>
    </message>
    <message>
        <source>Selisih disetujui</source>
        <translation>Difference approved by</translation>
    </message>
</context>
<context>
    <name>ResultScreen</name>
    <message>
        <source>Transaksi baru</source>
        <translation>New transaction</translation>
    </message>
    <message>
        <source>Ke Beranda</source>
        <translation>To Home</translation>
    </message>
    <message>
        <source>jumlah tidak disebut bank</source>
        <translation>amount not stated by the bank</translation>
    </message>
    <message>
        <source>Nominal tagihan VA</source>
        <translation>VA bill amount</translation>
    </message>
    <message>
        <source>Nominal</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Biaya admin</source>
        <translation>Admin fee</translation>
    </message>
    <message>
        <source>Biaya loket</source>
        <translation>Counter fee</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>No. referensi</source>
        <translation>Reference no.</translation>
    </message>
    <message>
        <source>Ref. bank</source>
        <translation>Bank ref.</translation>
    </message>
    <message>
        <source>Waktu</source>
        <translation>Time</translation>
    </message>
</context>
<context>
    <name>ReversalDialog</name>
    <message>
        <source>Batalkan transfer (reversal)</source>
        <translation>Cancel transfer (reversal)</translation>
    </message>
    <message>
        <source>Batalkan transfer</source>
        <translation>Cancel transfer</translation>
    </message>
    <message>
        <source>mis. Salah nomor rekening tujuan</source>
        <translation>e.g. Wrong destination account number</translation>
    </message>
    <message>
        <source>Alasan pembatalan</source>
        <translation>Reason for cancelling</translation>
    </message>
    <message>
        <source>PIN supervisor</source>
        <translation>Supervisor PIN</translation>
    </message>
    <message>
        <source>Diketik sendiri oleh supervisor.</source>
        <translation>Typed by the supervisor in person.</translation>
    </message>
</context>
<context>
    <name>Screen</name>
    <message>
        <source>Memproses…</source>
        <translation>Processing…</translation>
    </message>
</context>
<context>
    <name>SealedPage</name>
    <message>
        <source>Hari ditutup</source>
        <translation>Day closed</translation>
    </message>
    <message>
        <source>Laporan Z</source>
        <translation>Z report</translation>
    </message>
    <message>
        <source>Kas seharusnya</source>
        <translation>Expected cash</translation>
    </message>
    <message>
        <source>Kas dihitung</source>
        <translation>Counted cash</translation>
    </message>
    <message>
        <source>Selisih</source>
        <translation>Difference</translation>
    </message>
    <message>
        <source>Selisih disetujui</source>
        <translation>Difference approved by</translation>
    </message>
    <message>
        <source>Kode segel</source>
        <translation>Seal code</translation>
    </message>
    <message>
        <source>Cetak ringkasan</source>
        <translation>Print summary</translation>
    </message>
    <message>
        <source>Ekspor PDF…</source>
        <translation>Export PDF…</translation>
    </message>
    <message>
        <source>Ekspor CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <source>Ringkasan untuk printer struk</source>
        <translation>Summary for the receipt printer</translation>
    </message>
    <message>
        <source>Tekan &quot;Cetak ringkasan&quot; untuk melihat ringkasan di sini.</source>
        <translation>Press &quot;Print summary&quot; to see the summary here.</translation>
    </message>
    <message>
        <source>Hari {value} ditutup</source>
        <translation>Day {value} closed</translation>
    </message>
    <message>
        <source>No. {number:04d}</source>
        <translation>No. {number:04d}</translation>
    </message>
</context>
<context>
    <name>SecurityScreen</name>
    <message>
        <source>Layar terkunci sendiri setelah {idle_minutes:g} menit tanpa aktivitas. Buka dengan password agen, atau dengan PIN cepat yang Anda atur di sini.</source>
        <translation>The screen locks itself after {idle_minutes:g} minutes without activity. Unlock with the agent password, or with the quick PIN you set here.</translation>
    </message>
    <message>
        <source>Password agen</source>
        <translation>Agent password</translation>
    </message>
    <message>
        <source>Perlu untuk mengatur atau menghapus PIN cepat.</source>
        <translation>Needed to set or remove the quick PIN.</translation>
    </message>
    <message>
        <source>PIN cepat baru ({LENGTH} angka)</source>
        <translation>New quick PIN ({LENGTH} digits)</translation>
    </message>
    <message>
        <source>Bukan PIN transaksi bank. Jangan pakai angka sama atau berurutan.</source>
        <translation>Not the bank transaction PIN. Do not use repeated or consecutive digits.</translation>
    </message>
    <message>
        <source>Ulangi PIN cepat</source>
        <translation>Repeat quick PIN</translation>
    </message>
    <message>
        <source>Simpan PIN cepat</source>
        <translation>Save quick PIN</translation>
    </message>
    <message>
        <source>Hapus PIN cepat</source>
        <translation>Remove quick PIN</translation>
    </message>
    <message>
        <source>Memuat…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>PIN cepat: sudah diatur</source>
        <translation>Quick PIN: set</translation>
    </message>
    <message>
        <source>PIN cepat: belum diatur</source>
        <translation>Quick PIN: not set</translation>
    </message>
    <message>
        <source>PIN cepat tersimpan. Pakai untuk membuka layar yang terkunci.</source>
        <translation>Quick PIN saved. Use it to unlock the locked screen.</translation>
    </message>
    <message>
        <source>Memeriksa password…</source>
        <translation>Checking the password…</translation>
    </message>
    <message>
        <source>PIN cepat dihapus. Layar terkunci hanya dibuka dengan password agen.</source>
        <translation>Quick PIN removed. The locked screen opens only with the agent password.</translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <source>Kode agen {agent_code}</source>
        <translation>Agent code {agent_code}</translation>
    </message>
    <message>
        <source>Keluar</source>
        <translation>Log out</translation>
    </message>
    <message numerus="yes">
        <source>%n transaksi terputus saat Loket terakhir berhenti dan statusnya belum pasti. JANGAN ulangi transaksi tersebut dan JANGAN kembalikan uang dulu. Katakan kepada nasabah bahwa statusnya sedang dipastikan ke bank. Selesaikan di Beranda, daftar Transaksi Menggantung.</source>
        <translation>
            <numerusform>%n transaction was cut off when Loket last stopped and its status is not certain yet. Do NOT repeat it and do NOT refund the cash yet. Tell the customer the bank is confirming it. Settle it in the Pending Transactions list on Home.</numerusform>
            <numerusform>%n transactions were cut off when Loket last stopped and their status is not certain yet. Do NOT repeat them and do NOT refund the cash yet. Tell the customers the bank is confirming them. Settle them in the Pending Transactions list on Home.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n transaksi belum sempat dikirim saat Loket terakhir berhenti: dicatat GAGAL (tidak terkirim), tidak ada uang yang berpindah di bank. Ulangi transaksinya, atau kembalikan uang yang sudah diterima.</source>
        <translation>
            <numerusform>%n transaction had not been sent yet when Loket last stopped: recorded FAILED (not sent), no money moved at the bank. Do it again, or give back the cash already taken.</numerusform>
            <numerusform>%n transactions had not been sent yet when Loket last stopped: recorded FAILED (not sent), no money moved at the bank. Do them again, or give back the cash already taken.</numerusform>
        </translation>
    </message>
    <message>
        <source>Anda sudah masuk kembali. Isian tetap tersimpan — tekan tombolnya lagi untuk melanjutkan.</source>
        <translation>You are logged in again. What you typed is kept — press the button again to continue.</translation>
    </message>
    <message>
        <source>Tunggu sampai proses yang sedang berjalan selesai (misalnya transaksi yang sedang dikirim ke bank), lalu ulangi.</source>
        <translation>Wait until what is running has finished (a transaction being sent to the bank, for example), then try again.</translation>
    </message>
    <message>
        <source>Ganti bahasa</source>
        <translation>Change language</translation>
    </message>
    <message>
        <source>Isian yang belum selesai akan dikosongkan: {screens}. Ganti bahasa sekarang?</source>
        <translation>What has been typed and not finished will be emptied: {screens}. Change the language now?</translation>
    </message>
    <message>
        <source>Keluar dari Loket?</source>
        <translation>Log out of Loket?</translation>
    </message>
    <message>
        <source>Ganti petugas</source>
        <translation>Change agent</translation>
    </message>
    <message>
        <source>Akhiri sesi {agent}? Shift dan hari tetap terbuka; petugas berikutnya masuk dengan username dan password sendiri.</source>
        <translation>End {agent}&apos;s session? The shift and the day stay open; the next agent logs in with their own username and password.</translation>
    </message>
    <message>
        <source>Serah Terima Kas</source>
        <translation>Cash Handover</translation>
    </message>
    <message>
        <source>Serahkan laci dan keluar? Petugas berikutnya masuk dengan username dan password sendiri, lalu menghitung uang di laci di depan Anda. Shift dan hari tetap terbuka.</source>
        <translation>Hand over the drawer and log out? The next agent logs in with their own username and password, then counts the cash in the drawer in front of you. The shift and the day stay open.</translation>
    </message>
</context>
<context>
    <name>ShiftScreen</name>
    <message>
        <source>Hitung uang tunai di laci sebelum melayani nasabah, lalu ketik jumlahnya sebagai modal awal. Jumlah ini menjadi dasar kas seharusnya saat Tutup Hari.</source>
        <translation>Count the cash in the drawer before serving customers, then type the total as the opening float. It is the basis of the expected cash at Close Day.</translation>
    </message>
    <message>
        <source>Modal awal kas (Rp)</source>
        <translation>Opening cash float (Rp)</translation>
    </message>
    <message>
        <source>Buka shift</source>
        <translation>Open shift</translation>
    </message>
    <message>
        <source>Ubah</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>Ya, buka shift</source>
        <translation>Yes, open the shift</translation>
    </message>
    <message>
        <source>Jenis mutasi</source>
        <translation>Movement type</translation>
    </message>
    <message>
        <source>Tambah kas (+)</source>
        <translation>Add cash (+)</translation>
    </message>
    <message>
        <source>Kurangi kas (−)</source>
        <translation>Remove cash (−)</translation>
    </message>
    <message>
        <source>Arah koreksi</source>
        <translation>Correction direction</translation>
    </message>
    <message>
        <source>Jumlah (Rp)</source>
        <translation>Amount (Rp)</translation>
    </message>
    <message>
        <source>Alasan (wajib)</source>
        <translation>Reason (required)</translation>
    </message>
    <message>
        <source>Catat mutasi</source>
        <translation>Record movement</translation>
    </message>
    <message>
        <source>Slip kas</source>
        <translation>Cash slip</translation>
    </message>
    <message>
        <source>Slip mutasi kas tampil di sini sesudah dicatat.</source>
        <translation>The cash movement slip appears here once recorded.</translation>
    </message>
    <message>
        <source>Memuat shift…</source>
        <translation>Loading shift…</translation>
    </message>
    <message>
        <source>mis. beli kertas struk</source>
        <translation>e.g. receipt paper</translation>
    </message>
    <message>
        <source>Tutup Hari dulu</source>
        <translation>Close Day first</translation>
    </message>
    <message>
        <source>Serah Terima Kas</source>
        <translation>Cash Handover</translation>
    </message>
    <message>
        <source>Shift hari kerja {value} belum dibuka</source>
        <translation>The shift of working day {value} is not open</translation>
    </message>
    <message>
        <source>Hari {value} belum ditutup. Sebaiknya Tutup Hari itu dulu, sebelum modal hari {today} masuk laci: hitungan kas hari itu tidak tercampur uang hari {today}.</source>
        <translation>Day {value} is not closed. Close that day first, before the float of day {today} goes into the drawer: that day&apos;s cash count then holds none of the money of day {today}.</translation>
    </message>
    <message>
        <source>Hitung semua uang di laci sebagai modal awal, termasuk {rupiah} uang transaksi menggantung hari sebelumnya (statusnya belum pasti). Jangan dipisahkan: kalau transaksi itu gagal, uangnya dikembalikan ke pelanggan dari laci.</source>
        <translation>Count all the cash in the drawer as the opening float, including {rupiah} of pending transactions from an earlier day (their outcome is not yet known). Do not set it apart: if a transaction fails, its cash is given back to the customer from the drawer.</translation>
    </message>
    <message>
        <source>Shift {value} dibuka {value2} WIB oleh {operator} · modal awal {opening_float}</source>
        <translation>Shift {value} opened {value2} WIB by {operator} · opening float {opening_float}</translation>
    </message>
    <message>
        <source>Mutasi kas hari ini ({value})</source>
        <translation>Today&apos;s cash movements ({value})</translation>
    </message>
    <message>
        <source>Mutasi kas hari ini: belum ada</source>
        <translation>Today&apos;s cash movements: none yet</translation>
    </message>
    <message>
        <source>Modal awal kas {rupiah} — benar?</source>
        <translation>Opening cash {rupiah} — correct?</translation>
    </message>
    <message>
        <source>Shift dibuka dengan modal awal {opening_float}. Sekarang Anda bisa melayani nasabah: buka Beranda (Ctrl+H) atau pilih layanan di menu kiri.</source>
        <translation>Shift opened with an opening float of {opening_float}. You can now serve customers: open Home (Ctrl+H) or pick a service in the menu on the left.</translation>
    </message>
    <message>
        <source>Membuka shift…</source>
        <translation>Opening shift…</translation>
    </message>
    <message>
        <source>Koreksi kas</source>
        <translation>Cash correction</translation>
    </message>
    <message>
        <source>Koreksi kas perlu persetujuan supervisor. Supervisor mengetik PIN-nya sendiri.</source>
        <translation>A cash correction needs supervisor approval. The supervisor types their own PIN.</translation>
    </message>
    <message>
        <source>Catat mutasi kas</source>
        <translation>Record cash movement</translation>
    </message>
    <message>
        <source>{kind}: {rupiah}, &quot;{reason}&quot; — benar?</source>
        <translation>{kind}: {rupiah}, &quot;{reason}&quot; — correct?</translation>
    </message>
    <message>
        <source>Mutasi kas tidak dicatat. Periksa isiannya, lalu tekan Catat mutasi lagi bila sudah benar.</source>
        <translation>The cash movement was not recorded. Check what was typed, then press Record movement again when it is right.</translation>
    </message>
    <message>
        <source>Mencatat mutasi kas…</source>
        <translation>Recording cash movement…</translation>
    </message>
    <message>
        <source>{label} {rupiah} tercatat (slip {number}).</source>
        <translation>{label} {rupiah} recorded (slip {number}).</translation>
    </message>
    <message>
        <source>{recorded} Mencetak slip…</source>
        <translation>{recorded} Printing the slip…</translation>
    </message>
    <message>
        <source>Slip {number}</source>
        <translation>Slip {number}</translation>
    </message>
    <message>
        <source>{label} {rupiah} tercatat (slip {number}). Printer belum tersambung ke menu ini: slip tampil di kanan dan tersimpan; pilih baris di daftar untuk menampilkannya lagi.</source>
        <translation>{label} {rupiah} recorded (slip {number}). The printer is not connected to this menu: the slip is shown on the right and saved; select a row in the list to show it again.</translation>
    </message>
    <message>
        <source>Menyiapkan slip…</source>
        <translation>Preparing slip…</translation>
    </message>
</context>
<context>
    <name>StartupProblem</name>
    <message>
        <source>Tidak dapat dimulai</source>
        <translation>Cannot start</translation>
    </message>
    <message>
        <source>Loket tidak dapat dimulai</source>
        <translation>Loket cannot start</translation>
    </message>
    <message>
        <source>Terjadi kesalahan saat menyiapkan Loket: {error}</source>
        <translation>Something went wrong while preparing Loket: {error}</translation>
    </message>
    <message>
        <source>Tutup Loket lalu buka lagi. Bila pesan ini muncul lagi, hubungi helpdesk dan sebutkan pesan ini.</source>
        <translation>Close Loket and open it again. If this message comes back, call the helpdesk and read them this message.</translation>
    </message>
    <message>
        <source>Yang harus dilakukan</source>
        <translation>What to do</translation>
    </message>
    <message>
        <source>File: {path}</source>
        <translation>File: {path}</translation>
    </message>
    <message>
        <source>Salin keterangan</source>
        <translation>Copy details</translation>
    </message>
    <message>
        <source>Tutup Loket</source>
        <translation>Close Loket</translation>
    </message>
</context>
<context>
    <name>StatementModel</name>
    <message>
        <source>{remark}
ID transaksi: {transaction_id}</source>
        <translation>{remark}
Transaction ID: {transaction_id}</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>Muat ulang</source>
        <translation>Reload</translation>
    </message>
    <message>
        <source>Langkah berikutnya: hitung uang tunai di laci.</source>
        <translation>Next step: count the cash in the drawer.</translation>
    </message>
    <message>
        <source>Hitung kas di laci</source>
        <translation>Count the cash in the drawer</translation>
    </message>
    <message>
        <source>Buka kembali hari {day}…</source>
        <translation>Reopen day {day}…</translation>
    </message>
</context>
<context>
    <name>SupervisorDialog</name>
    <message>
        <source>PIN supervisor</source>
        <translation>Supervisor PIN</translation>
    </message>
    <message>
        <source>Alasan</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Setujui</source>
        <translation>Approve</translation>
    </message>
</context>
<context>
    <name>SupervisorGate</name>
    <message>
        <source>Ini simulator di kiosk yang sudah berjalan live: pengaturan ini juga dipakai Loket live. Masukkan PIN supervisor live.</source>
        <translation>This is the simulator on a kiosk that has run live: these settings are the live Loket&apos;s too. Enter a live supervisor&apos;s PIN.</translation>
    </message>
    <message>
        <source>PIN supervisor</source>
        <translation>Supervisor PIN</translation>
    </message>
    <message>
        <source>Menu {name} mengubah pengaturan Loket dan hanya boleh dibuka supervisor.</source>
        <translation>The {name} menu changes Loket&apos;s settings and may only be opened by a supervisor.</translation>
    </message>
</context>
<context>
    <name>SupervisorScreen</name>
    <message>
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>Supervisor harus orang lain, bukan petugas yang melayani nasabah di loket ini. Supervisor menyetujui tutup hari dengan transaksi menggantung, cetak ulang laporan, koreksi kas, reversal dan pengaturan. Petugas loket: jangan isi sendiri, panggil supervisor Anda untuk mengetik nama dan PIN-nya.</source>
        <translation>The supervisor must be someone else, not the agent who serves customers at this counter. The supervisor approves closing a day with pending transactions, report reprints, cash corrections, reversals and settings. Agents: do not fill this in yourself; call your supervisor to type their name and PIN.</translation>
    </message>
    <message>
        <source>Nama supervisor</source>
        <translation>Supervisor name</translation>
    </message>
    <message>
        <source>Nama yang sudah ada: PIN-nya diganti. Nama baru: supervisor ditambahkan.</source>
        <translation>An existing name: their PIN is replaced. A new name: a supervisor is added.</translation>
    </message>
    <message>
        <source>PIN baru (6–8 angka)</source>
        <translation>New PIN (6–8 digits)</translation>
    </message>
    <message>
        <source>Jangan angka sama semua atau berurutan. PIN disimpan teracak: tidak dapat dibaca siapa pun.</source>
        <translation>Not all the same digit, not in sequence. The PIN is stored scrambled: nobody can read it back.</translation>
    </message>
    <message>
        <source>Ulangi PIN baru</source>
        <translation>Repeat new PIN</translation>
    </message>
    <message>
        <source>PIN supervisor yang berlaku</source>
        <translation>Current supervisor PIN</translation>
    </message>
    <message>
        <source>Perlu untuk mengganti atau menambah supervisor.</source>
        <translation>Needed to change or add a supervisor.</translation>
    </message>
    <message>
        <source>Saya supervisor, bukan petugas yang melayani di loket ini</source>
        <translation>I am the supervisor, not the agent serving at this counter</translation>
    </message>
    <message>
        <source>Simpan PIN</source>
        <translation>Save PIN</translation>
    </message>
    <message>
        <source>Buat kode pemulihan baru</source>
        <translation>Issue a new recovery code</translation>
    </message>
    <message>
        <source>Lupa PIN supervisor? Pakai kode pemulihan</source>
        <translation>Forgot the supervisor PIN? Use the recovery code</translation>
    </message>
    <message>
        <source>Memuat…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Kode pemulihan pemilik dibuat {when}; kode yang lebih lama tidak berlaku. Dengan kode itu PIN supervisor yang lupa dapat diganti, sekali.</source>
        <translation>The owner&apos;s recovery code was issued {when}; older codes no longer work. With it, a forgotten supervisor PIN can be replaced, once.</translation>
    </message>
    <message>
        <source>Belum ada kode pemulihan yang berlaku. Buat kode baru dan serahkan kepada pemilik: tanpa kode, PIN supervisor yang lupa hanya dapat diganti dengan PIN supervisor lain.</source>
        <translation>No recovery code is in force. Issue a new one and give it to the owner: without a code, a forgotten supervisor PIN can only be replaced with another supervisor&apos;s PIN.</translation>
    </message>
    <message>
        <source>Supervisor terdaftar: {value}.</source>
        <translation>Registered supervisors: {value}.</translation>
    </message>
    <message>
        <source>Belum ada supervisor. Supervisor pertama diatur tanpa PIN lain, dan dicatat atas nama petugas yang sedang masuk.</source>
        <translation>No supervisor yet. The first supervisor is set without another PIN, and is recorded under the name of the agent logged in.</translation>
    </message>
    <message>
        <source>Sebaiknya daftarkan supervisor kedua: PIN yang lupa diganti dengan PIN supervisor lain, tanpa menunggu pemilik membawa kode pemulihan.</source>
        <translation>Better register a second supervisor: a forgotten PIN is then replaced with the other supervisor&apos;s PIN, without waiting for the owner to bring the recovery code.</translation>
    </message>
    <message>
        <source>Kode pemulihan</source>
        <translation>Recovery code</translation>
    </message>
    <message>
        <source>Kode baru membatalkan kode pemulihan yang dipegang pemilik sekarang. Masukkan PIN supervisor.</source>
        <translation>A new code voids the recovery code the owner holds now. Enter the supervisor PIN.</translation>
    </message>
    <message>
        <source>Kode pemulihan baru dibuat. Kode yang lama tidak berlaku lagi.</source>
        <translation>New recovery code issued. The old code no longer works.</translation>
    </message>
    <message>
        <source>Membuat kode…</source>
        <translation>Issuing the code…</translation>
    </message>
    <message>
        <source>PIN yang diulang tidak sama. Ketik kode dan kedua PIN lagi.</source>
        <translation>The repeated PIN does not match. Type the code and both PINs again.</translation>
    </message>
    <message>
        <source>PIN supervisor {name} diatur dengan kode pemulihan. Kode itu sudah terpakai: buat kode pemulihan baru sekarang (tombol di bawah) dan serahkan kepada pemilik.</source>
        <translation>Supervisor PIN of {name} set with the recovery code. That code is now used up: issue a new recovery code now (the button below) and give it to the owner.</translation>
    </message>
    <message>
        <source>Memeriksa kode…</source>
        <translation>Checking the code…</translation>
    </message>
    <message>
        <source>Supervisor pertama: centang dulu bahwa Anda supervisor, bukan petugas loket ini.</source>
        <translation>First supervisor: tick the box first to confirm you are the supervisor, not this counter&apos;s agent.</translation>
    </message>
    <message>
        <source>PIN yang diulang tidak sama. Ketik kedua PIN lagi.</source>
        <translation>The repeated PIN does not match. Type both PINs again.</translation>
    </message>
    <message>
        <source>PIN supervisor {value} disimpan.</source>
        <translation>Supervisor PIN for {value} saved.</translation>
    </message>
    <message>
        <source>Menyimpan PIN…</source>
        <translation>Saving PIN…</translation>
    </message>
</context>
<context>
    <name>SuspectItemView</name>
    <message>
        <source>{value} · {wib} · No. referensi {reference}</source>
        <translation>{value} · {wib} · Reference no. {reference}</translation>
    </message>
    <message>
        <source>Jawaban host: {value}</source>
        <translation>Host&apos;s answer: {value}</translation>
    </message>
    <message>
        <source>Telepon {contact}: {phone}</source>
        <translation>Call {contact}: {phone}</translation>
    </message>
    <message>
        <source>Batalkan</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Cek status</source>
        <translation>Check status</translation>
    </message>
    <message>
        <source>Selesaikan</source>
        <translation>Settle</translation>
    </message>
</context>
<context>
    <name>SuspectWorklist</name>
    <message>
        <source>Transaksi Menggantung</source>
        <translation>Pending Transactions</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Tidak ada transaksi menggantung.</source>
        <translation>No pending transactions.</translation>
    </message>
    <message>
        <source>Transaksi Menggantung ({count})</source>
        <translation>Pending Transactions ({count})</translation>
    </message>
    <message>
        <source>Tidak ada lagi transaksi menggantung.</source>
        <translation>No more pending transactions.</translation>
    </message>
    <message>
        <source>Batalkan transaksi</source>
        <translation>Cancel transaction</translation>
    </message>
    <message>
        <source>{value}

Transaksi ini belum pernah terkirim. Batalkan?</source>
        <translation>{value}

This transaction was never sent. Cancel it?</translation>
    </message>
</context>
<context>
    <name>SwitcherScreen</name>
    <message>
        <source>Kode bank switching</source>
        <translation>Switching bank code</translation>
    </message>
    <message>
        <source>Kode bank tujuan di switcher, mis. BRINIDJA.</source>
        <translation>The destination bank&apos;s code at the switcher, e.g. BRINIDJA.</translation>
    </message>
    <message>
        <source>Rekening tujuan berstatus &quot;{status}&quot;: transfer tidak dapat dikirim. Minta nasabah memeriksa rekeningnya.</source>
        <translation>The destination account&apos;s status is &quot;{status}&quot;: the transfer cannot be sent. Ask the customer to check their account.</translation>
    </message>
</context>
<context>
    <name>TransferScreen</name>
    <message>
        <source>Ketik nama atau kode bank</source>
        <translation>Type a bank name or code</translation>
    </message>
    <message>
        <source>Bank tujuan</source>
        <translation>Destination bank</translation>
    </message>
    <message>
        <source>Memuat daftar bank…</source>
        <translation>Loading bank list…</translation>
    </message>
</context>
<context>
    <name>TransferStepsScreen</name>
    <message>
        <source>Nama penerima sudah saya bacakan dan dibenarkan oleh nasabah</source>
        <translation>I have read the recipient&apos;s name to the customer and they confirmed it</translation>
    </message>
    <message>
        <source>Nominal transfer (Rp)</source>
        <translation>Transfer amount (Rp)</translation>
    </message>
    <message>
        <source>Boleh kosong</source>
        <translation>Optional</translation>
    </message>
    <message>
        <source>Berita transfer</source>
        <translation>Transfer note</translation>
    </message>
    <message>
        <source>Boleh kosong, paling banyak {REMARK_MAX} huruf.</source>
        <translation>Optional, at most {REMARK_MAX} characters.</translation>
    </message>
    <message>
        <source>Nama pengirim</source>
        <translation>Sender&apos;s name</translation>
    </message>
    <message>
        <source>No. HP pengirim</source>
        <translation>Sender&apos;s mobile</translation>
    </message>
    <message>
        <source>Dicetak di struk.</source>
        <translation>Printed on the receipt.</translation>
    </message>
    <message>
        <source>Ubah tujuan</source>
        <translation>Change recipient</translation>
    </message>
    <message>
        <source>Total didebit dari saldo agen: {rupiah}  (nominal {amount} + admin {admin_fee})</source>
        <translation>Debited from the agent balance: {rupiah}  (amount {amount} + fee {admin_fee})</translation>
    </message>
    <message>
        <source>Mencari rekening tujuan…</source>
        <translation>Looking up destination account…</translation>
    </message>
    <message>
        <source>PIN transaksi agen</source>
        <translation>Agent transaction PIN</translation>
    </message>
    <message>
        <source>Mengirim transfer…</source>
        <translation>Sending transfer…</translation>
    </message>
</context>
<context>
    <name>UnavailableScreen</name>
    <message>
        <source>{value} belum bisa dipakai.</source>
        <translation>{value} cannot be used yet.</translation>
    </message>
</context>
<context>
    <name>UnprintedReceipts</name>
    <message>
        <source>Transaksi ini berhasil, tetapi struknya belum pernah dicetak (mis. statusnya baru pasti sesudah dicek, atau Loket tertutup sebelum mencetak). Cetak dan serahkan kepada nasabahnya; jangan ulangi transaksinya.</source>
        <translation>These transactions succeeded but their receipt was never printed (e.g. the status became certain only after a check, or Loket closed before printing). Print it and hand it to the customer; do not repeat the transaction.</translation>
    </message>
    <message>
        <source>{product} {total} · {customer} · {wib} · No. referensi {reference}</source>
        <translation>{product} {total} · {customer} · {wib} · Reference no. {reference}</translation>
    </message>
    <message>
        <source>Cetak struk</source>
        <translation>Print receipt</translation>
    </message>
    <message numerus="yes">
        <source>%n transaksi berhasil belum dicetak struknya</source>
        <translation>
            <numerusform>%n successful transaction without a printed receipt</numerusform>
            <numerusform>%n successful transactions without a printed receipt</numerusform>
        </translation>
    </message>
    <message>
        <source>Dicetak</source>
        <translation>Printed</translation>
    </message>
    <message>
        <source>Struk No. referensi {reference} dikirim ke printer.</source>
        <translation>Receipt for reference no. {reference} sent to the printer.</translation>
    </message>
</context>
<context>
    <name>VariancePage</name>
    <message>
        <source>Hasil hitung kas</source>
        <translation>Cash count result</translation>
    </message>
    <message>
        <source>Kas seharusnya</source>
        <translation>Expected cash</translation>
    </message>
    <message>
        <source>Kas dihitung</source>
        <translation>Counted cash</translation>
    </message>
    <message>
        <source>Selisih</source>
        <translation>Difference</translation>
    </message>
    <message>
        <source>Keterangan selisih</source>
        <translation>Reason for the difference</translation>
    </message>
    <message>
        <source>Wajib diisi bila ada selisih, misalnya &quot;uang kembalian kurang&quot;. Selisih disetujui supervisor dengan PIN-nya; keterangan ini alasannya.</source>
        <translation>Required if there is a difference, e.g. &quot;short on change&quot;. A supervisor approves the difference with their PIN; this note is the reason.</translation>
    </message>
    <message>
        <source>Sesudah ditutup, transaksi hari ini tidak bisa ditambah lagi dan Laporan Z diberi nomor.</source>
        <translation>Once closed, no more transactions can be added to today and the Z report gets its number.</translation>
    </message>
    <message>
        <source>Hitung ulang</source>
        <translation>Count again</translation>
    </message>
    <message>
        <source>Tutup hari</source>
        <translation>Close day</translation>
    </message>
    <message>
        <source>Keterangan selisih (wajib)</source>
        <translation>Reason for the difference (required)</translation>
    </message>
    <message>
        <source>Keterangan (boleh kosong)</source>
        <translation>Note (optional)</translation>
    </message>
    <message>
        <source>Lanjut: persetujuan supervisor</source>
        <translation>Next: supervisor approval</translation>
    </message>
    <message>
        <source>Tutup hari sekarang</source>
        <translation>Close day now</translation>
    </message>
</context>
<context>
    <name>VirtualAccountScreen</name>
    <message>
        <source>Nama sesuai KTP</source>
        <translation>Name as on the KTP</translation>
    </message>
    <message>
        <source>Nama pelanggan</source>
        <translation>Customer name</translation>
    </message>
    <message>
        <source>Nomor HP</source>
        <translation>Mobile number</translation>
    </message>
    <message>
        <source>boleh kosong</source>
        <translation>optional</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Nomor pelanggan</source>
        <translation>Customer number</translation>
    </message>
    <message>
        <source>Terisi dari nomor HP; boleh diganti.</source>
        <translation>Filled in from the mobile number; can be changed.</translation>
    </message>
    <message>
        <source>Tertutup — nominal tetap</source>
        <translation>Closed — fixed amount</translation>
    </message>
    <message>
        <source>Terbuka — nominal bebas</source>
        <translation>Open — any amount</translation>
    </message>
    <message>
        <source>Jenis VA</source>
        <translation>VA type</translation>
    </message>
    <message>
        <source>Nominal (Rp)</source>
        <translation>Amount (Rp)</translation>
    </message>
    <message>
        <source>Batas waktu bayar (WIB)</source>
        <translation>Pay before (WIB)</translation>
    </message>
    <message>
        <source>Biasanya {DEFAULT_HOURS} jam dari sekarang.</source>
        <translation>Usually {DEFAULT_HOURS} hours from now.</translation>
    </message>
    <message>
        <source>Buat Virtual Account</source>
        <translation>Create Virtual Account</translation>
    </message>
    <message>
        <source>Nomor Virtual Account BNI — bacakan dan minta pelanggan mencatatnya</source>
        <translation>BNI Virtual Account number — read it out and ask the customer to write it down</translation>
    </message>
    <message>
        <source>Buat Virtual Account?</source>
        <translation>Create the virtual account?</translation>
    </message>
    <message>
        <source>bebas (VA terbuka)</source>
        <translation>any (open VA)</translation>
    </message>
    <message>
        <source>a.n. {name}</source>
        <translation>in the name of {name}</translation>
    </message>
    <message>
        <source>Nominal</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Berlaku sampai</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <source>Halaman cara bayar</source>
        <translation>How-to-pay page</translation>
    </message>
    <message>
        <source>DOKU memberi batas waktu yang sudah lewat: diminta {asked}, DOKU memberi {given}. VA ini tidak bisa dibayar: jangan berikan nomornya kepada pelanggan, buat VA baru.</source>
        <translation>DOKU gave an expiry that has already passed: asked {asked}, DOKU gave {given}. This VA cannot be paid: do not give its number to the customer, make a new VA.</translation>
    </message>
    <message>
        <source>DOKU memberi batas waktu jauh lebih awal: diminta {asked}, DOKU memberi {given}, kurang dari 1 jam lagi. Pelanggan harus membayar sebelum {given}; bila tidak sempat, buat VA baru.</source>
        <translation>DOKU gave a much earlier expiry: asked {asked}, DOKU gave {given}, less than 1 hour from now. The customer must pay before {given}; if there is no time, make a new VA.</translation>
    </message>
    <message>
        <source>Batas waktu dari DOKU berbeda dari yang diminta: diminta {asked}, DOKU memberi {given}. Yang berlaku dan tercetak di struk adalah {given}: sampaikan kepada pelanggan.</source>
        <translation>DOKU&apos;s expiry differs from the one asked: asked {asked}, DOKU gave {given}. {given} is the one that holds and is printed on the receipt: tell the customer.</translation>
    </message>
    <message>
        <source>Cara membayar</source>
        <translation>How to pay</translation>
    </message>
    <message>
        <source>Buat VA lain</source>
        <translation>Create another VA</translation>
    </message>
    <message>
        <source>Lanjut ke bukti transaksi</source>
        <translation>Go to the transaction receipt</translation>
    </message>
    <message>
        <source>Membuat virtual account…</source>
        <translation>Creating virtual account…</translation>
    </message>
    <message>
        <source>Nama: {name}</source>
        <translation>Name: {name}</translation>
    </message>
    <message>
        <source>Nominal: {amount}</source>
        <translation>Amount: {amount}</translation>
    </message>
    <message>
        <source>Berlaku sampai: {expiry}</source>
        <translation>Valid until: {expiry}</translation>
    </message>
    <message>
        <source>Nomor pelanggan: {value}</source>
        <translation>Customer number: {value}</translation>
    </message>
    <message>
        <source>Nomor HP: {value}</source>
        <translation>Mobile number: {value}</translation>
    </message>
    <message>
        <source>Email: {value}</source>
        <translation>Email: {value}</translation>
    </message>
    <message>
        <source>Bacakan kepada pelanggan. Sudah benar?</source>
        <translation>Read it out to the customer. Is it right?</translation>
    </message>
    <message>
        <source>Bebas</source>
        <translation>Any</translation>
    </message>
</context>
<context>
    <name>XReportScreen</name>
    <message>
        <source>Laporan X</source>
        <translation>X Report</translation>
    </message>
    <message>
        <source>Ringkasan hari ini sejauh ini. Tidak menutup hari dan tidak diberi nomor.</source>
        <translation>Today&apos;s summary so far. It does not close the day and has no number.</translation>
    </message>
    <message>
        <source>Perbarui</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Saldo bank</source>
        <translation>Bank balance</translation>
    </message>
    <message>
        <source>Cetak</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>Ekspor PDF…</source>
        <translation>Export PDF…</translation>
    </message>
    <message>
        <source>Menghitung laporan…</source>
        <translation>Calculating report…</translation>
    </message>
    <message>
        <source>Menanyakan saldo bank…</source>
        <translation>Asking the bank for the balance…</translation>
    </message>
</context>
<context>
    <name>_Dialog</name>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>approval_words</name>
    <message>
        <source>diatur saat petugas {name} masuk</source>
        <translation>set when agent {name} logged in</translation>
    </message>
    <message>
        <source>PIN supervisor {name} diatur</source>
        <translation>{name}&apos;s supervisor PIN set</translation>
    </message>
    <message>
        <source>membuka menu {name}</source>
        <translation>opened the {name} menu</translation>
    </message>
    <message>
        <source>(tidak diketahui)</source>
        <translation>(unknown)</translation>
    </message>
    <message>
        <source>kode pemulihan dibuat saat petugas {name} masuk</source>
        <translation>recovery code issued while agent {name} was logged in</translation>
    </message>
    <message>
        <source>diatur dengan kode pemulihan saat petugas {name} masuk</source>
        <translation>set with the recovery code while agent {name} was logged in</translation>
    </message>
    <message>
        <source> (dari simulator)</source>
        <translation> (from the simulator)</translation>
    </message>
</context>
<context>
    <name>approvals</name>
    <message>
        <source>Tutup hari dengan transaksi menggantung</source>
        <translation>Close the day with pending transactions</translation>
    </message>
    <message>
        <source>Cetak/ekspor ulang laporan</source>
        <translation>Reprint/re-export report</translation>
    </message>
    <message>
        <source>Koreksi kas</source>
        <translation>Cash correction</translation>
    </message>
    <message>
        <source>Tutup hari dengan selisih kas</source>
        <translation>Close the day with a cash difference</translation>
    </message>
    <message>
        <source>Serah terima kas dengan selisih</source>
        <translation>Cash handover with a difference</translation>
    </message>
    <message>
        <source>Buka kembali hari</source>
        <translation>Reopen the day</translation>
    </message>
    <message>
        <source>Ganti PIN supervisor</source>
        <translation>Change supervisor PIN</translation>
    </message>
    <message>
        <source>Ekspor Laporan X dengan kas seharusnya sebelum hitung</source>
        <translation>Export X report with the expected cash before the count</translation>
    </message>
    <message>
        <source>Buka pengaturan</source>
        <translation>Open settings</translation>
    </message>
    <message>
        <source>Reversal transfer</source>
        <translation>Transfer reversal</translation>
    </message>
    <message>
        <source>Supervisor pertama diatur</source>
        <translation>First supervisor set</translation>
    </message>
    <message>
        <source>Kode pemulihan baru dibuat</source>
        <translation>New recovery code issued</translation>
    </message>
    <message>
        <source>PIN supervisor diatur dengan kode pemulihan</source>
        <translation>Supervisor PIN set with the recovery code</translation>
    </message>
</context>
<context>
    <name>billpay</name>
    <message>
        <source>Pembayaran tagihan BNI belum diatur di komputer ini. Minta supervisor mengisi tab BNI Keagenan di Pengaturan &gt; Koneksi Host, lalu buka ulang Loket.</source>
        <translation>BNI bill payment is not set up on this computer. Ask a supervisor to fill in the BNI Keagenan tab in Settings &gt; Host Connection, then reopen Loket.</translation>
    </message>
    <message>
        <source>ditetapkan bank saat pembayaran (tercetak di bukti)</source>
        <translation>set by the bank at payment (printed on the receipt)</translation>
    </message>
    <message>
        <source>ditetapkan bank saat pembayaran; terakhir {fee} (tercetak di bukti)</source>
        <translation>set by the bank at payment; last time {fee} (printed on the receipt)</translation>
    </message>
</context>
<context>
    <name>billpay_fields</name>
    <message>
        <source>{max_length} angka.</source>
        <translation>{max_length} digits.</translation>
    </message>
    <message>
        <source>{min_length}–{max_length} angka.</source>
        <translation>{min_length}–{max_length} digits.</translation>
    </message>
    <message>
        <source>minimal {minimum}</source>
        <translation>at least {minimum}</translation>
    </message>
    <message>
        <source>maksimal {maximum}</source>
        <translation>at most {maximum}</translation>
    </message>
    <message>
        <source>{label} (Rp)</source>
        <translation>{label} (Rp)</translation>
    </message>
    <message>
        <source>Tekan jumlah bulan yang dibayar.</source>
        <translation>Press the number of months being paid.</translation>
    </message>
</context>
<context>
    <name>categories</name>
    <message>
        <source>Listrik</source>
        <translation>Electricity</translation>
    </message>
    <message>
        <source>BPJS</source>
        <translation>BPJS</translation>
    </message>
    <message>
        <source>Air</source>
        <translation>Water</translation>
    </message>
    <message>
        <source>Telepon &amp; Internet</source>
        <translation>Phone &amp; Internet</translation>
    </message>
    <message>
        <source>TV Berlangganan</source>
        <translation>Pay TV</translation>
    </message>
    <message>
        <source>Angsuran Kredit</source>
        <translation>Financing Instalments</translation>
    </message>
    <message>
        <source>Asuransi</source>
        <translation>Insurance</translation>
    </message>
    <message>
        <source>Kartu Kredit &amp; Pinjaman</source>
        <translation>Credit Cards &amp; Loans</translation>
    </message>
    <message>
        <source>Donasi</source>
        <translation>Donations</translation>
    </message>
    <message>
        <source>Tiket</source>
        <translation>Tickets</translation>
    </message>
</context>
<context>
    <name>change_password</name>
    <message>
        <source>Password baru minimal 8 karakter, berisi huruf dan angka, dan berbeda dari password lama. Jangan memakai tanggal lahir atau nama sendiri.</source>
        <translation>The new password has at least 8 characters, letters and digits, and differs from the old one. Do not use a birth date or your own name.</translation>
    </message>
</context>
<context>
    <name>counter</name>
    <message>
        <source>Latihan</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>Pilih gangguan untuk transaksi berikutnya</source>
        <translation>Choose a fault for the next transaction</translation>
    </message>
    <message>
        <source>Keluar</source>
        <translation>Log out</translation>
    </message>
    <message>
        <source>Akhiri sesi dan kembali ke layar masuk</source>
        <translation>End the session and go back to the login window</translation>
    </message>
    <message>
        <source>Transaksi Menggantung</source>
        <translation>Pending Transactions</translation>
    </message>
    <message>
        <source>Transaksi yang statusnya belum pasti, di Beranda</source>
        <translation>Transactions whose status is not certain yet, on Home</translation>
    </message>
</context>
<context>
    <name>customer_balance</name>
    <message>
        <source>PIN nasabah</source>
        <translation>Customer PIN</translation>
    </message>
    <message>
        <source>Serahkan keyboard kepada nasabah: NASABAH sendiri yang mengetik PIN rekeningnya ({account}). Agen jangan melihat, menanyakan atau mencatat PIN nasabah.</source>
        <translation>Hand the keyboard to the customer: the CUSTOMER types their own account PIN ({account}). The agent must not look at, ask for or write down the customer&apos;s PIN.</translation>
    </message>
    <message>
        <source>PIN nasabah salah. Minta nasabah mengetik ulang PIN rekeningnya, lalu tekan Cek saldo.</source>
        <translation>Wrong customer PIN. Ask the customer to type their account PIN again, then press Check balance.</translation>
    </message>
</context>
<context>
    <name>day_close</name>
    <message>
        <source>Hari ditutup; transaksi baru masuk hari kerja berikutnya ({day}).</source>
        <translation>Day closed; new transactions go to the next business day ({day}).</translation>
    </message>
    <message>
        <source>Belum pasti, uangnya harus ada di laci (termasuk dalam kas seharusnya):</source>
        <translation>Status unknown, its cash must be in the drawer (included in the expected cash):</translation>
    </message>
    <message>
        <source>Buka kembali hari…</source>
        <translation>Reopen the day…</translation>
    </message>
    <message>
        <source>Rp 0 — kas cocok</source>
        <translation>Rp 0 — cash matches</translation>
    </message>
    <message>
        <source>Kas lebih {amount}</source>
        <translation>Cash over {amount}</translation>
    </message>
    <message>
        <source>Kas kurang {amount}</source>
        <translation>Cash short {amount}</translation>
    </message>
    <message>
        <source>Hari {value} dibuka kembali dan belum ditutup lagi: Laporan Z No. {number:04d} tidak berlaku. Hitung kas dan tutup hari itu lebih dulu; sesudahnya buka Tutup Hari lagi untuk hari {later}.</source>
        <translation>Day {value} was reopened and is not closed again yet: Z report No. {number:04d} is no longer in force. Count the cash and close that day first; then open Close Day again for day {later}.</translation>
    </message>
    <message>
        <source>Hari {value} belum ditutup. Hari itu ditutup lebih dulu; sesudahnya buka Tutup Hari lagi untuk hari {later}.</source>
        <translation>Day {value} is not closed yet. Close that day first; then open Close Day again for day {later}.</translation>
    </message>
</context>
<context>
    <name>destination</name>
    <message>
        <source>Nama penerima</source>
        <translation>Recipient name</translation>
    </message>
    <message>
        <source>Bank</source>
        <translation>Bank</translation>
    </message>
    <message>
        <source>Nomor rekening</source>
        <translation>Account number</translation>
    </message>
    <message>
        <source>Status rekening</source>
        <translation>Account status</translation>
    </message>
    <message>
        <source>Biaya admin</source>
        <translation>Admin fee</translation>
    </message>
</context>
<context>
    <name>dialogs</name>
    <message>
        <source>Ya, lanjutkan</source>
        <translation>Yes, continue</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Perubahan belum disimpan</source>
        <translation>Changes not saved</translation>
    </message>
    <message>
        <source>Buang perubahan</source>
        <translation>Discard changes</translation>
    </message>
    <message>
        <source>Kembali ke isian</source>
        <translation>Back to the form</translation>
    </message>
    <message>
        <source>Transaksi yang sama?</source>
        <translation>The same transaction?</translation>
    </message>
    <message>
        <source>Sudah saya tanyakan: nasabah memang meminta transaksi baru lagi</source>
        <translation>I have asked: the customer really wants another new transaction</translation>
    </message>
    <message>
        <source>Ya, transaksi baru</source>
        <translation>Yes, a new transaction</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Terjadi kesalahan yang tidak terduga. Catat jam kejadian, lalu coba lagi; bila berulang, hubungi helpdesk.</source>
        <translation>An unexpected error occurred. Note the time, then try again; if it happens again, contact the helpdesk.</translation>
    </message>
    <message>
        <source>Jawaban bank tidak diterima atau tidak terbaca. Pemeriksaan ini tidak memindahkan uang, jadi boleh dicoba lagi. Bila terus berulang, periksa koneksi internet atau hubungi helpdesk.</source>
        <translation>The bank&apos;s answer did not arrive or could not be read. This check moves no money, so it can be tried again. If it keeps happening, check the internet connection or call the helpdesk.</translation>
    </message>
    <message>
        <source>Sesi Anda telah berakhir. Silakan masuk kembali — isian di layar ini tetap tersimpan. Setelah masuk, tekan tombolnya sekali lagi.</source>
        <translation>Your session has ended. Please log in again — what you typed on this screen is kept. After logging in, press the button once more.</translation>
    </message>
    <message>
        <source>
No. referensi: {reference}</source>
        <translation>
Reference no.: {reference}</translation>
    </message>
    <message>
        <source>
Kode jawaban bank: {code}</source>
        <translation>
Bank answer code: {code}</translation>
    </message>
    <message>
        <source>
Tekan tombolnya lagi untuk mengirim ulang dengan nomor referensi yang sama.</source>
        <translation>
Press the button again to resend with the same reference number.</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Password lama</source>
        <translation>Old password</translation>
    </message>
    <message>
        <source>Pilih bulan ini atau bulan sebelumnya.</source>
        <translation>Choose this month or an earlier one.</translation>
    </message>
    <message>
        <source>PIN nasabah</source>
        <translation>Customer PIN</translation>
    </message>
    <message>
        <source>Nama pemilik rekening</source>
        <translation>Account holder&apos;s name</translation>
    </message>
    <message>
        <source>PIN transaksi</source>
        <translation>Transaction PIN</translation>
    </message>
    <message>
        <source>Saldo tidak dapat ditampilkan: jawaban bank tidak diterima atau tidak terbaca. Cek saldo tidak memindahkan uang, jadi boleh dicoba lagi. Bila terus berulang, periksa koneksi internet.</source>
        <translation>The balance cannot be shown: the bank&apos;s answer did not arrive or could not be read. A balance check moves no money, so it may be tried again. If it keeps happening, check the internet connection.</translation>
    </message>
    <message>
        <source>percobaan password</source>
        <translation>password attempts</translation>
    </message>
    <message>
        <source>Tidak ada agen yang sedang masuk. Masuk dari layar awal.</source>
        <translation>No agent is logged in. Log in from the start window.</translation>
    </message>
    <message>
        <source>Bank tujuan</source>
        <translation>Destination bank</translation>
    </message>
    <message>
        <source>Setoran awal</source>
        <translation>Opening deposit</translation>
    </message>
    <message>
        <source>{label} wajib dipilih dari berkas gambar.</source>
        <translation>{label} must be chosen from an image file.</translation>
    </message>
    <message>
        <source>Nama nasabah</source>
        <translation>Customer name</translation>
    </message>
    <message>
        <source>Tempat lahir</source>
        <translation>Place of birth</translation>
    </message>
    <message>
        <source>Pilih jenis kelamin.</source>
        <translation>Choose the sex.</translation>
    </message>
    <message>
        <source>Pilih status pernikahan.</source>
        <translation>Choose the marital status.</translation>
    </message>
    <message>
        <source>Nama ibu kandung</source>
        <translation>Mother&apos;s maiden name</translation>
    </message>
    <message>
        <source>Nomor HP</source>
        <translation>Mobile number</translation>
    </message>
    <message>
        <source>Nomor telepon</source>
        <translation>Phone number</translation>
    </message>
    <message>
        <source>Alamat</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>RT</source>
        <translation>RT</translation>
    </message>
    <message>
        <source>RW</source>
        <translation>RW</translation>
    </message>
    <message>
        <source>Provinsi</source>
        <translation>Province</translation>
    </message>
    <message>
        <source>Kota/Kabupaten</source>
        <translation>City/Regency</translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation>District</translation>
    </message>
    <message>
        <source>Kelurahan</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>Kode pos</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <source>Pekerjaan</source>
        <translation>Occupation</translation>
    </message>
    <message>
        <source>Pendidikan terakhir</source>
        <translation>Highest education</translation>
    </message>
    <message>
        <source>Penghasilan</source>
        <translation>Income</translation>
    </message>
    <message>
        <source>Perkiraan transaksi</source>
        <translation>Expected transactions</translation>
    </message>
    <message>
        <source>PIN transaksi wajib diisi.</source>
        <translation>The transaction PIN is required.</translation>
    </message>
    <message>
        <source>PIN transaksi berupa 4 sampai 8 angka.</source>
        <translation>The transaction PIN is 4 to 8 digits.</translation>
    </message>
    <message>
        <source>Ketik nominal yang dibayar.</source>
        <translation>Type the amount being paid.</translation>
    </message>
    <message>
        <source>Nominal tagihan ini tidak dapat diubah.</source>
        <translation>The amount of this bill cannot be changed.</translation>
    </message>
    <message>
        <source>Nominal tidak boleh diubah saat mengirim ulang transaksi {reference}.</source>
        <translation>The amount cannot change while resending transaction {reference}.</translation>
    </message>
    <message>
        <source>Hari {day} sudah ditutup (Laporan Z No. {number}). Buka kembali hanya dengan persetujuan supervisor.</source>
        <translation>Day {day} is already closed (Z report No. {number}). It can be reopened only with a supervisor&apos;s approval.</translation>
    </message>
    <message>
        <source>Hari {day} belum ditutup.</source>
        <translation>Day {day} is not closed yet.</translation>
    </message>
    <message>
        <source>Hari {day} belum ditutup. Tutup hari itu lebih dulu.</source>
        <translation>Day {day} is not closed yet. Close that day first.</translation>
    </message>
    <message>
        <source>Hitung kas di laci dan masukkan jumlahnya dulu; angka seharusnya ditampilkan sesudahnya.</source>
        <translation>Count the cash in the drawer and enter the total first; the expected amount is shown afterwards.</translation>
    </message>
    <message>
        <source>Masih ada transaksi menggantung. Selesaikan dulu, atau minta supervisor menyetujui penutupan dengan PIN dan alasan.</source>
        <translation>There are still pending transactions. Settle them first, or ask a supervisor to approve closing with their PIN and a reason.</translation>
    </message>
    <message>
        <source>Ada selisih kas. Hari ditutup hanya dengan persetujuan supervisor untuk selisih ini (PIN supervisor).</source>
        <translation>There is a cash difference. The day can only be closed with a supervisor&apos;s approval of this difference (supervisor PIN).</translation>
    </message>
    <message>
        <source>Transaksi berubah sejak kas dihitung. Hitung ulang kas di laci.</source>
        <translation>Transactions changed since the cash was counted. Count the cash in the drawer again.</translation>
    </message>
    <message>
        <source>Laporan Z tersimpan tidak cocok dengan hash-nya. Hubungi helpdesk; jangan dipakai.</source>
        <translation>The stored Z report does not match its hash. Contact the helpdesk; do not use it.</translation>
    </message>
    <message>
        <source>Laporan ini sudah pernah dicetak/diekspor. Cetak ulang perlu PIN supervisor dan alasan.</source>
        <translation>This report has already been printed/exported. A reprint needs the supervisor PIN and a reason.</translation>
    </message>
    <message>
        <source>Hari {day} belum dimulai.</source>
        <translation>Day {day} has not started.</translation>
    </message>
    <message>
        <source>Hanya hari terakhir yang ditutup ({last_sealed}) yang dapat dibuka kembali.</source>
        <translation>Only the last closed day ({last_sealed}) can be reopened.</translation>
    </message>
    <message>
        <source>Hari {later} sudah dimulai (shift dibuka atau ada transaksi), jadi hari {day} tidak dapat dibuka kembali. Laporan Z-nya tetap berlaku; selisih dicatat di hari {later} dengan koreksi kas.</source>
        <translation>Day {later} has already begun (a shift opened or transactions made), so day {day} cannot be reopened. Its Z report stays in force; a difference is recorded on {later} with a cash correction.</translation>
    </message>
    <message>
        <source>Tutup Hari: langkah {value}, bukan {value2}.</source>
        <translation>Close Day: step {value}, not {value2}.</translation>
    </message>
    <message>
        <source>Ada selisih kas: tulis keterangannya (paling sedikit {n} huruf).</source>
        <translation>There is a cash difference: write down the reason (at least {n} characters).</translation>
    </message>
    <message>
        <source>Shift belum dibuka. Buka shift dengan modal awal kas terlebih dahulu.</source>
        <translation>The shift is not open. Open the shift with an opening cash float first.</translation>
    </message>
    <message>
        <source>Shift hari ini sudah dibuka.</source>
        <translation>Today&apos;s shift is already open.</translation>
    </message>
    <message>
        <source>{label} wajib diisi.</source>
        <translation>{label} is required.</translation>
    </message>
    <message>
        <source>{label} harus berupa angka rupiah tanpa sen.</source>
        <translation>{label} must be a rupiah amount without cents.</translation>
    </message>
    <message>
        <source>{label} tidak boleh negatif.</source>
        <translation>{label} cannot be negative.</translation>
    </message>
    <message>
        <source>{label} harus lebih dari nol.</source>
        <translation>{label} must be more than zero.</translation>
    </message>
    <message>
        <source>{label} paling banyak {MAX_CASH}.</source>
        <translation>{label} is at most {MAX_CASH}.</translation>
    </message>
    <message>
        <source>Tulis alasan mutasi kas.</source>
        <translation>Write the reason for the cash movement.</translation>
    </message>
    <message>
        <source>PIN supervisor salah. Minta supervisor memasukkan PIN-nya sendiri.</source>
        <translation>Wrong supervisor PIN. Ask the supervisor to enter their own PIN.</translation>
    </message>
    <message>
        <source>Belum ada PIN supervisor. Minta supervisor mengaturnya di Pengaturan.</source>
        <translation>No supervisor PIN yet. Ask a supervisor to set it up in Settings.</translation>
    </message>
    <message>
        <source>PIN supervisor {PIN_MIN}-{PIN_MAX} angka.</source>
        <translation>The supervisor PIN is {PIN_MIN}-{PIN_MAX} digits.</translation>
    </message>
    <message>
        <source>PIN supervisor terlalu mudah ditebak (angka sama atau berurutan).</source>
        <translation>The supervisor PIN is too easy to guess (repeated or consecutive digits).</translation>
    </message>
    <message>
        <source>PIN supervisor</source>
        <translation>supervisor PINs</translation>
    </message>
    <message>
        <source>kode pemulihan</source>
        <translation>recovery codes</translation>
    </message>
    <message>
        <source>Nama supervisor wajib diisi.</source>
        <translation>The supervisor name is required.</translation>
    </message>
    <message>
        <source>Supervisor harus orang lain, bukan petugas yang sedang masuk.</source>
        <translation>The supervisor must be someone else, not the agent logged in.</translation>
    </message>
    <message>
        <source>Masukkan PIN supervisor yang berlaku untuk mengganti PIN.</source>
        <translation>Enter the current supervisor PIN to change the PIN.</translation>
    </message>
    <message>
        <source>Pilih nama supervisor yang terdaftar.</source>
        <translation>Choose the name of a registered supervisor.</translation>
    </message>
    <message>
        <source>Tulis alasan persetujuan (paling sedikit 5 huruf).</source>
        <translation>Write the reason for the approval (at least 5 letters).</translation>
    </message>
    <message>
        <source>Terjadi kesalahan. Coba lagi; bila berulang, hubungi helpdesk.</source>
        <translation>Something went wrong. Try again; if it happens again, contact the helpdesk.</translation>
    </message>
    <message>
        <source>Dibatalkan.</source>
        <translation>Cancelled.</translation>
    </message>
    <message>
        <source>Pengaturan belum lengkap. Minta supervisor memeriksa Pengaturan.</source>
        <translation>Settings are incomplete. Ask a supervisor to check Settings.</translation>
    </message>
    <message>
        <source>Bank tidak dapat dihubungi: permintaan ini tidak terkirim, jadi tidak ada yang berubah. Periksa koneksi internet komputer ini (kabel jaringan atau Wi-Fi), lalu coba lagi.</source>
        <translation>The bank cannot be reached: this request was not sent, so nothing has changed. Check this computer&apos;s internet connection (network cable or Wi-Fi), then try again.</translation>
    </message>
    <message>
        <source>Tidak dapat terhubung ke bank. Transaksi belum terkirim, tidak ada uang yang berpindah. Periksa koneksi internet komputer ini (kabel jaringan atau Wi-Fi).</source>
        <translation>Cannot connect to the bank. The transaction was not sent; no money has moved. Check this computer&apos;s internet connection (network cable or Wi-Fi).</translation>
    </message>
    <message>
        <source>Sertifikat host bank tidak dapat dipastikan, jadi koneksi dihentikan sebelum apa pun terkirim. Periksa alamat host di Pengaturan &gt; Koneksi Host serta tanggal dan jam komputer. Bila bank memakai CA sendiri, pilih berkas sertifikat CA-nya di tab host itu (Berkas sertifikat CA host), atau minta IT mitra memasangnya di penyimpanan sertifikat Windows. Bila tetap, hubungi helpdesk; jangan pakai jaringan ini dulu.</source>
        <translation>The bank host&apos;s certificate could not be verified, so the connection was stopped before anything was sent. Check the host address in Settings &gt; Host Connection and the computer&apos;s date and time. If the bank uses a CA of its own, choose its CA certificate file on that host&apos;s tab (Host CA certificate file), or ask the partner&apos;s IT to install it in the Windows certificate store. If it persists, contact the helpdesk; do not use this network for now.</translation>
    </message>
    <message>
        <source>Jawaban bank tidak diterima. Status transaksi belum pasti: JANGAN ulangi transaksi dan JANGAN kembalikan uang dulu. Cek di Beranda, daftar Transaksi Menggantung.</source>
        <translation>No answer received from the bank. The transaction status is unknown: do NOT repeat the transaction and do NOT refund the cash yet. Check the Pending Transactions list on Home.</translation>
    </message>
    <message>
        <source>Jawaban bank tidak diterima: password mungkin sudah berganti, mungkin belum. Keluar, lalu masuk dengan password BARU; bila ditolak, masuk dengan password lama dan ganti lagi.</source>
        <translation>The bank&apos;s answer did not arrive: the password may or may not have changed. Log out, then log in with the NEW password; if it is refused, log in with the old one and change it again.</translation>
    </message>
    <message>
        <source>Jawaban bank tidak cocok dengan transaksi yang dikirim. Status transaksi belum pasti: JANGAN ulangi transaksi dan JANGAN kembalikan uang dulu. Cek di Beranda, daftar Transaksi Menggantung.</source>
        <translation>The bank&apos;s answer does not match the transaction that was sent. The status is not certain yet: do NOT repeat the transaction and do NOT refund yet. Check the Pending Transactions list on Home.</translation>
    </message>
    <message>
        <source>Bank menjawab dengan kode yang tidak pasti ({code}). Status transaksi belum pasti: JANGAN ulangi transaksi dan JANGAN kembalikan uang dulu. Cek di Beranda, daftar Transaksi Menggantung.</source>
        <translation>The bank answered with a code that does not say whether it was done ({code}). The status is not certain yet: do NOT repeat the transaction and do NOT refund yet. Check the Pending Transactions list on Home.</translation>
    </message>
    <message>
        <source>Bank menjawab transaksi BERHASIL, tetapi jawabannya tidak dapat dicatat di jurnal. Uang sudah berpindah di bank: JANGAN ulangi transaksi dan JANGAN kembalikan uang nasabah.</source>
        <translation>The bank answered that the transaction SUCCEEDED, but its answer could not be written to the journal. The money has moved at the bank: do NOT repeat the transaction and do NOT give the customer&apos;s money back.</translation>
    </message>
    <message>
        <source>Transaksi sudah dikirim ke bank, tetapi hasilnya tidak dapat dicatat di jurnal. Transaksi mungkin sudah berhasil di bank: JANGAN ulangi transaksi dan JANGAN kembalikan uang dulu.</source>
        <translation>The transaction was sent to the bank, but its outcome could not be written to the journal. It may have gone through at the bank: do NOT repeat the transaction and do NOT give the money back yet.</translation>
    </message>
    <message>
        <source>Selesaikan di Beranda, daftar Transaksi Menggantung.</source>
        <translation>Settle it on Home, in the Pending Transactions list.</translation>
    </message>
    <message>
        <source>Hubungi helpdesk (disk penuh, hanya-baca atau dipakai program lain); transaksi ini muncul di daftar Transaksi Menggantung begitu jurnal dapat ditulis lagi.</source>
        <translation>Call the helpdesk (the disk is full, read-only or in use by another program); this transaction appears in the Pending Transactions list as soon as the journal can be written again.</translation>
    </message>
    <message>
        <source>{what} {then}</source>
        <translation>{what} {then}</translation>
    </message>
    <message>
        <source>Tekan &quot;Cek rekening&quot; dulu agar nama pemilik rekening tampil.</source>
        <translation>Press &quot;Check account&quot; first so the account holder&apos;s name is shown.</translation>
    </message>
    <message>
        <source>Pilih bank tujuan.</source>
        <translation>Choose the destination bank.</translation>
    </message>
    <message>
        <source>Bacakan nama penerima kepada nasabah dan centang konfirmasinya dulu.</source>
        <translation>Read the recipient&apos;s name to the customer and tick the confirmation first.</translation>
    </message>
    <message>
        <source>Alamat tidak sah. Contoh: https://api.bank.co.id</source>
        <translation>Invalid address. Example: https://api.bank.co.id</translation>
    </message>
    <message>
        <source>Mode live wajib memakai https:// (koneksi terenkripsi).</source>
        <translation>Live mode must use https:// (an encrypted connection).</translation>
    </message>
    <message>
        <source>Tulis alamat dasarnya saja, tanpa ? atau #.</source>
        <translation>Write the base address only, without ? or #.</translation>
    </message>
    <message>
        <source>Produk tidak dikenal di fiturId khusus: {product}.</source>
        <translation>Unknown product in the custom fiturIds: {product}.</translation>
    </message>
    <message>
        <source>Tulis fiturId khusus sebagai produk=FTRinquiry/FTRpayment, contoh bni_life=FTR437/FTR463.</source>
        <translation>Write custom fiturIds as product=FTRinquiry/FTRpayment, e.g. bni_life=FTR437/FTR463.</translation>
    </message>
    <message>
        <source>Produk {product} tidak punya inquiry: tulis fiturId payment saja.</source>
        <translation>Product {product} has no inquiry: write the payment fiturId only.</translation>
    </message>
    <message>
        <source>Isian terlalu panjang atau berisi karakter yang tidak sah.</source>
        <translation>The entry is too long or contains invalid characters.</translation>
    </message>
    <message>
        <source>Alamat tidak sah. Contoh: kantor.mitra.co.id:5432/loket</source>
        <translation>Invalid address. Example: kantor.mitra.co.id:5432/loket</translation>
    </message>
    <message>
        <source>ID loket: huruf, angka, - atau _ (maks. 32).</source>
        <translation>Counter ID: letters, digits, - or _ (max. 32).</translation>
    </message>
    <message>
        <source>Berkas sertifikat CA tidak ditemukan. Periksa lokasinya, atau kosongkan untuk memakai sertifikat sistem.</source>
        <translation>CA certificate file not found. Check where it is, or leave it empty to use the system&apos;s certificates.</translation>
    </message>
    <message>
        <source>Berkas ini bukan sertifikat CA (PEM). Minta berkas .pem dari kantor mitra.</source>
        <translation>This file is not a CA certificate (PEM). Ask the partner office for the .pem file.</translation>
    </message>
    <message>
        <source>Berkas ini bukan sertifikat CA (PEM). Minta berkas .pem (sertifikat CA host) dari bank.</source>
        <translation>This file is not a CA certificate (PEM). Ask the bank for the .pem file (the host&apos;s CA certificate).</translation>
    </message>
    <message>
        <source>Mode sandbox belum dapat dipilih: {count} transaksi live belum pasti (menggantung). Selesaikan dulu di Transaksi Menggantung; di mode sandbox transaksi live tidak terlihat dan statusnya tidak dicek.</source>
        <translation>Sandbox mode cannot be chosen yet: {count} live transactions are still uncertain (pending). Settle them first in Pending Transactions; in sandbox mode live transactions are not shown and their status is not checked.</translation>
    </message>
    <message>
        <source>Mode sandbox belum dapat dipilih: struk {count} transaksi live belum dicetak. Cetak dulu dari Beranda; di mode sandbox daftar itu tidak terlihat.</source>
        <translation>Sandbox mode cannot be chosen yet: the receipts of {count} live transactions were never printed. Print them first from Home; in sandbox mode that list is not shown.</translation>
    </message>
    <message>
        <source>Mode sandbox belum dapat dipilih: hari {day} di mode live belum ditutup. Lakukan Tutup Hari dulu; di mode sandbox hari live tidak dapat ditutup.</source>
        <translation>Sandbox mode cannot be chosen yet: the live day {day} is not closed. Close the day first; in sandbox mode the live day cannot be closed.</translation>
    </message>
    <message>
        <source>Mode sandbox belum dapat dipilih di sini: Loket ini berjalan sandbox sehingga urusan hari live (transaksi menggantung, struk, Tutup Hari) tidak terlihat. Buka Loket di mode live, lalu pilih mode sandbox di sana.</source>
        <translation>Sandbox mode cannot be chosen here: this Loket is running in sandbox, so the live day&apos;s business (transactions in doubt, receipts, Close Day) cannot be seen. Open Loket in live mode and choose sandbox mode there.</translation>
    </message>
    <message>
        <source>Ini alamat platform uji bank (development/sandbox), bukan production: di mode live uang nasabah sungguhan. Minta alamat production dari bank.</source>
        <translation>This is the bank&apos;s test platform (development/sandbox), not production: in live mode the customers&apos; money is real. Ask the bank for the production address.</translation>
    </message>
    <message>
        <source>Tulis path yang diawali /, tanpa nama host. Contoh: /oauth/token</source>
        <translation>Write a path that starts with /, without a host name. Example: /oauth/token</translation>
    </message>
    <message>
        <source>Wajib diisi untuk mode live: tanpa isian ini host ini tidak dapat dipakai di loket. Lihat surat/dokumen dari bank.</source>
        <translation>Required in live mode: without it this host cannot be used at the counter. See the letter or document from the bank.</translation>
    </message>
    <message>
        <source>Pilih mode sandbox atau live.</source>
        <translation>Choose sandbox or live mode.</translation>
    </message>
    <message>
        <source>Mode live membutuhkan alamat host Bank+.</source>
        <translation>Live mode needs the Bank+ host address.</translation>
    </message>
    <message>
        <source>Isi ID loket ini: kantor mitra mengenali loket dari ID-nya.</source>
        <translation>Fill in this counter&apos;s ID: the partner office knows each counter by its ID.</translation>
    </message>
    <message>
        <source>Rahasia tidak boleh hanya spasi.</source>
        <translation>A secret cannot be only spaces.</translation>
    </message>
    <message>
        <source>Sesi login berakhir. Masuk kembali; isian di layar tidak hilang.</source>
        <translation>The login session ended. Log in again; what you typed on screen is not lost.</translation>
    </message>
    <message>
        <source>PIN transaksi salah. Periksa PIN lalu coba lagi.</source>
        <translation>Wrong transaction PIN. Check the PIN, then try again.</translation>
    </message>
    <message>
        <source>Username atau password salah. Periksa lalu coba lagi. Lupa password: minta call center Bank+ meresetnya (Loket tidak menyimpan password).</source>
        <translation>Wrong username or password. Check them and try again. Forgot the password: ask the Bank+ call center to reset it (Loket keeps no passwords).</translation>
    </message>
    <message>
        <source>Password lama tidak sesuai. Ketik ulang password lama.</source>
        <translation>The old password is not correct. Type the old password again.</translation>
    </message>
    <message>
        <source>Data tidak ditemukan. Periksa isian lalu coba lagi.</source>
        <translation>Data not found. Check the entries, then try again.</translation>
    </message>
    <message>
        <source>Nomor rekening tidak ditemukan. Periksa kembali nomor rekening.</source>
        <translation>Account number not found. Check the account number again.</translation>
    </message>
    <message>
        <source>Rekening tujuan tidak valid di bank tersebut. Periksa bank dan nomor rekening.</source>
        <translation>The destination account is not valid at that bank. Check the bank and the account number.</translation>
    </message>
    <message>
        <source>Saldo agen tidak cukup. Isi ulang saldo agen lalu coba lagi.</source>
        <translation>The agent balance is too low. Top up the agent balance, then try again.</translation>
    </message>
    <message>
        <source>Nominal tidak diterima bank. Periksa nominal.</source>
        <translation>The bank did not accept the amount. Check the amount.</translation>
    </message>
    <message>
        <source>Data transfer sudah tidak berlaku. Ulangi dari cek rekening tujuan.</source>
        <translation>The transfer details have expired. Start again from checking the destination account.</translation>
    </message>
    <message>
        <source>Format transaksi ditolak bank. Ulangi dari awal; bila berulang, hubungi helpdesk.</source>
        <translation>The bank refused the transaction&apos;s format. Start again; if it repeats, call the helpdesk.</translation>
    </message>
    <message>
        <source>Transaksi ditolak bank. Hubungi helpdesk bila berulang.</source>
        <translation>The bank refused the transaction. Call the helpdesk if it repeats.</translation>
    </message>
    <message>
        <source>Transaksi ditolak bank: {value}. Hubungi helpdesk bila berulang.</source>
        <translation>Transaction rejected by the bank: {value}. Contact the helpdesk if it happens again.</translation>
    </message>
    <message>
        <source>Kode agen {code!r} tidak sah: harus 3 huruf kode mitra, 3 angka kode cabang, lalu kode loket.</source>
        <translation>Agent code {code!r} is invalid: it must be a 3-letter partner code, a 3-digit branch code, then the counter code.</translation>
    </message>
    <message>
        <source>Nomor pelanggan tidak ditemukan — periksa kembali nomor yang diketik.</source>
        <translation>Customer number not found — check the number you typed.</translation>
    </message>
    <message>
        <source>Penyedia tagihan sedang tidak menjawab. Coba lagi beberapa menit lagi.</source>
        <translation>The biller is not answering. Try again in a few minutes.</translation>
    </message>
    <message>
        <source>Nomor telepon tidak dikenal Telkom — periksa kode area dan nomor.</source>
        <translation>Phone number not known to Telkom — check the area code and number.</translation>
    </message>
    <message>
        <source>Nomor polis tidak ditemukan — periksa kembali nomor polis.</source>
        <translation>Policy number not found — check the policy number again.</translation>
    </message>
    <message>
        <source>PIN transaksi salah. Ketik ulang PIN dengan teliti; bila terus salah, hubungi supervisor.</source>
        <translation>Wrong transaction PIN. Type the PIN again carefully; if it keeps failing, contact your supervisor.</translation>
    </message>
    <message>
        <source>Nomor referensi sudah pernah dipakai. JANGAN ulangi pembayaran: periksa dulu status transaksi di Riwayat, lalu bila perlu mulai transaksi baru dari cek tagihan.</source>
        <translation>This reference number has been used before. Do NOT repeat the payment: first check the transaction status in History, then if needed start a new transaction from checking the bill.</translation>
    </message>
    <message>
        <source>Sistem BNI sedang gangguan. Coba lagi beberapa menit lagi.</source>
        <translation>The BNI system is having problems. Try again in a few minutes.</translation>
    </message>
    <message>
        <source>Transaksi tidak dapat dilakukan untuk nomor ini. Periksa nomor, atau minta pelanggan menghubungi penyedia tagihan.</source>
        <translation>This transaction is not possible for this number. Check the number, or ask the customer to contact the biller.</translation>
    </message>
    <message>
        <source>Data atau nominal transaksi ditolak. Ulangi dari cek tagihan; jangan ubah data tagihan.</source>
        <translation>The transaction data or amount was rejected. Start again from checking the bill; do not change the bill details.</translation>
    </message>
    <message>
        <source>Tagihan tidak dapat diproses penyedia (sudah lunas atau belum tersedia). Minta pelanggan menghubungi penyedia.</source>
        <translation>The biller cannot process this bill (already paid or not yet available). Ask the customer to contact the biller.</translation>
    </message>
    <message>
        <source>Transaksi tidak dikenali bank. Ulangi dari awal; bila berulang, hubungi helpdesk.</source>
        <translation>The bank did not recognise the transaction. Start again; if it happens again, contact the helpdesk.</translation>
    </message>
    <message>
        <source>Bank menolak transaksi (kesalahan umum). Coba lagi; bila berulang, hubungi helpdesk.</source>
        <translation>The bank rejected the transaction (general error). Try again; if it happens again, contact the helpdesk.</translation>
    </message>
    <message>
        <source>PLN menolak transaksi. Coba lagi nanti; bila berulang, hubungi helpdesk.</source>
        <translation>PLN rejected the transaction. Try again later; if it happens again, contact the helpdesk.</translation>
    </message>
    <message>
        <source>Akses ke layanan BNI ditolak. Minta supervisor memeriksa dealer ID, X-Auth dan client ID di Pengaturan.</source>
        <translation>Access to the BNI service was refused. Ask a supervisor to check the dealer ID, X-Auth and client ID in Settings.</translation>
    </message>
    <message>
        <source>Minta supervisor memeriksa Pengaturan &gt; Bank/Kunci.</source>
        <translation>Ask a supervisor to check Settings &gt; Bank/Keys.</translation>
    </message>
    <message>
        <source>Permintaan ditolak bank karena formatnya salah. Coba lagi; bila berulang, hubungi helpdesk.</source>
        <translation>The bank rejected the request because its format is wrong. Try again; if it happens again, contact the helpdesk.</translation>
    </message>
    <message>
        <source>Ada isian yang formatnya ditolak bank. Periksa isian lalu coba lagi.</source>
        <translation>The bank rejected the format of an entry. Check the entries, then try again.</translation>
    </message>
    <message>
        <source>Ada isian wajib yang kosong menurut bank. Lengkapi isian lalu coba lagi.</source>
        <translation>The bank says a required entry is empty. Complete the entries, then try again.</translation>
    </message>
    <message>
        <source>Bank menolak tanda tangan atau kredensial Loket. Periksa jam komputer. </source>
        <translation>The bank rejected Loket&apos;s signature or credentials. Check the computer&apos;s clock. </translation>
    </message>
    <message>
        <source>Sesi ke bank berakhir. Coba lagi.</source>
        <translation>The session with the bank ended. Try again.</translation>
    </message>
    <message>
        <source>Transaksi sudah kedaluwarsa. Ulangi dari awal.</source>
        <translation>The transaction has expired. Start again.</translation>
    </message>
    <message>
        <source>Layanan ini belum diaktifkan bank untuk agen ini. Hubungi helpdesk.</source>
        <translation>The bank has not enabled this service for this agent. Contact the helpdesk.</translation>
    </message>
    <message>
        <source>Nominal melebihi batas transaksi. Kurangi nominal lalu coba lagi.</source>
        <translation>The amount exceeds the transaction limit. Lower the amount, then try again.</translation>
    </message>
    <message>
        <source>Transaksi ditolak bank karena dicurigai. Jangan ulangi; hubungi helpdesk.</source>
        <translation>The bank rejected the transaction as suspicious. Do not repeat it; contact the helpdesk.</translation>
    </message>
    <message>
        <source>Batas jumlah transaksi hari ini tercapai. Coba lagi besok atau hubungi helpdesk.</source>
        <translation>Today&apos;s transaction count limit has been reached. Try again tomorrow or contact the helpdesk.</translation>
    </message>
    <message>
        <source>Rekening tidak dapat dipakai (ditolak bank). Minta nasabah menghubungi banknya.</source>
        <translation>The account cannot be used (rejected by the bank). Ask the customer to contact their bank.</translation>
    </message>
    <message>
        <source>Layanan bank sedang tutup (cut-off). Coba lagi beberapa saat lagi.</source>
        <translation>The bank service is closed (cut-off). Try again shortly.</translation>
    </message>
    <message>
        <source>Rekening dorman (tidak aktif lama). Minta nasabah mengaktifkannya di kantor cabang.</source>
        <translation>Dormant account (inactive for a long time). Ask the customer to reactivate it at a branch.</translation>
    </message>
    <message>
        <source>Saldo rekening sumber tidak cukup. Isi saldo lalu coba lagi.</source>
        <translation>The source account balance is too low. Top up the balance, then try again.</translation>
    </message>
    <message>
        <source>Transaksi tidak diizinkan untuk rekening ini. Periksa nomor rekening.</source>
        <translation>This transaction is not allowed for this account. Check the account number.</translation>
    </message>
    <message>
        <source>Rekening tidak aktif atau diblokir. Minta nasabah menghubungi banknya.</source>
        <translation>The account is inactive or blocked. Ask the customer to contact their bank.</translation>
    </message>
    <message>
        <source>Batas harian rekening tercapai. Coba lagi besok.</source>
        <translation>The account&apos;s daily limit has been reached. Try again tomorrow.</translation>
    </message>
    <message>
        <source>Status transaksi tidak sesuai untuk permintaan ini. Cek status transaksinya.</source>
        <translation>The transaction status does not allow this request. Check the transaction status.</translation>
    </message>
    <message>
        <source>Transaksi tidak ditemukan di bank.</source>
        <translation>Transaction not found at the bank.</translation>
    </message>
    <message>
        <source>Bank tujuan tidak dapat dijangkau. Coba lagi nanti.</source>
        <translation>The destination bank cannot be reached. Try again later.</translation>
    </message>
    <message>
        <source>Agen belum terdaftar di bank. </source>
        <translation>The agent is not registered at the bank. </translation>
    </message>
    <message>
        <source>Nomor rekening tidak ditemukan. Periksa kembali nomornya.</source>
        <translation>Account number not found. Check the number again.</translation>
    </message>
    <message>
        <source>Virtual account tidak ditemukan atau diblokir. Periksa nomornya.</source>
        <translation>Virtual account not found or blocked. Check the number.</translation>
    </message>
    <message>
        <source>Nominal tidak sesuai. Periksa nominal lalu coba lagi.</source>
        <translation>The amount does not match. Check the amount, then try again.</translation>
    </message>
    <message>
        <source>Tagihan sudah dibayar. Jangan bayar lagi.</source>
        <translation>The bill is already paid. Do not pay again.</translation>
    </message>
    <message>
        <source>Kode perusahaan (partner) tidak dikenal bank. </source>
        <translation>The bank does not know the company (partner) code. </translation>
    </message>
    <message>
        <source>Nomor referensi ini sudah dipakai dengan data lain. Cek status transaksinya, jangan kirim ulang.</source>
        <translation>This reference number was already used with other data. Check the transaction status; do not resend.</translation>
    </message>
    <message>
        <source>Virtual account sudah kedaluwarsa. Buat virtual account baru.</source>
        <translation>The virtual account has expired. Create a new virtual account.</translation>
    </message>
    <message>
        <source>Layanan ini tidak didukung bank. Hubungi helpdesk.</source>
        <translation>The bank does not support this service. Contact the helpdesk.</translation>
    </message>
    <message>
        <source>Permintaan ini tidak diizinkan bank saat ini. Coba lagi nanti.</source>
        <translation>The bank does not allow this request right now. Try again later.</translation>
    </message>
    <message>
        <source>Nomor permintaan sudah dipakai hari ini. Jangan kirim ulang; cek status transaksinya.</source>
        <translation>This request number was already used today. Do not resend; check the transaction status.</translation>
    </message>
    <message>
        <source>Transaksi dengan nomor referensi ini sudah pernah diproses. Cek status, jangan kirim ulang.</source>
        <translation>A transaction with this reference number was already processed. Check the status; do not resend.</translation>
    </message>
    <message>
        <source>Terlalu banyak permintaan ke bank. Tunggu sebentar lalu coba lagi.</source>
        <translation>Too many requests to the bank. Wait a moment, then try again.</translation>
    </message>
    <message>
        <source>Jam komputer ini salah: {pc_time}, jam bank {bank_time} (selisih {difference}). Bank menolak permintaan ini. Betulkan tanggal, jam dan zona waktu Windows (WIB, WITA atau WIT, sesuai daerah ini), lalu coba lagi.</source>
        <translation>This computer&apos;s clock is wrong: {pc_time}, the bank&apos;s clock {bank_time} ({difference} apart). The bank refused this request. Correct the Windows date, time and time zone (WIB, WITA or WIT, as in this region), then try again.</translation>
    </message>
    <message>
        <source>Bank menolak jam komputer ini ({pc_time}). Betulkan tanggal, jam dan zona waktu Windows (WIB, WITA atau WIT, sesuai daerah ini), lalu coba lagi.</source>
        <translation>The bank refused this computer&apos;s clock ({pc_time}). Correct the Windows date, time and time zone (WIB, WITA or WIT, as in this region), then try again.</translation>
    </message>
    <message>
        <source>Bank menjawab HTTP {http_status} tanpa kode. Periksa alamat bank di Pengaturan.</source>
        <translation>The bank answered HTTP {http_status} without a code. Check the bank address in Settings.</translation>
    </message>
    <message>
        <source>Kunci privat ini terkunci kata sandi. Masukkan kata sandinya.</source>
        <translation>This private key is locked with a password. Enter its password.</translation>
    </message>
    <message>
        <source>Berkas bukan kunci privat PEM yang bisa dibaca, atau kata sandinya salah. Periksa berkasnya.</source>
        <translation>The file is not a readable PEM private key, or its password is wrong. Check the file.</translation>
    </message>
    <message>
        <source>Kunci harus berjenis RSA. Buat kunci RSA 2048 bit.</source>
        <translation>The key must be an RSA key. Create a 2048-bit RSA key.</translation>
    </message>
    <message>
        <source>Kunci RSA minimal {KEY_BITS} bit. Buat kunci baru.</source>
        <translation>An RSA key needs at least {KEY_BITS} bits. Create a new key.</translation>
    </message>
    <message>
        <source>Kunci SNAP untuk {value} belum dibuat. Buka Pengaturan &gt; Kunci, buat atau impor kunci.</source>
        <translation>The SNAP key for {value} has not been created. Open Settings &gt; Keys and create or import a key.</translation>
    </message>
    <message>
        <source>Kunci SNAP untuk {value} rusak. Buka Pengaturan &gt; Kunci, buat atau impor ulang kunci.</source>
        <translation>The SNAP key for {value} is damaged. Open Settings &gt; Keys and create or re-import the key.</translation>
    </message>
    <message>
        <source>Nomor rekening tujuan tidak dikenal. Periksa bank dan nomor rekening.</source>
        <translation>The destination account number is unknown. Check the bank and the account number.</translation>
    </message>
    <message>
        <source>Rekening pengirim atau tujuan tidak dikenal switcher. Ulangi dari cek rekening tujuan; bila berulang, minta supervisor memeriksa rekening sumber di Pengaturan.</source>
        <translation>The switcher does not know the source or destination account. Start again from checking the destination account; if it happens again, ask a supervisor to check the source account in Settings.</translation>
    </message>
    <message>
        <source>Transfer ini sudah pernah dibatalkan (reversal sudah dilakukan). Jangan ulangi pembatalan; cek status transfer di Riwayat Transaksi.</source>
        <translation>This transfer has already been cancelled (the reversal was done). Do not cancel it again; check the transfer status in Transaction History.</translation>
    </message>
    <message>
        <source>Nomor referensi tidak ditemukan di switcher: transaksi itu tidak pernah diproses.</source>
        <translation>Reference number not found at the switcher: that transaction was never processed.</translation>
    </message>
    <message>
        <source>Transfer yang akan dibatalkan tidak ditemukan di switcher. Periksa nomor referensi transfer.</source>
        <translation>The transfer to cancel was not found at the switcher. Check the transfer&apos;s reference number.</translation>
    </message>
    <message>
        <source>Saldo rekening sumber agen tidak cukup. Isi saldo lalu coba lagi.</source>
        <translation>The agent&apos;s source account balance is too low. Top up the balance, then try again.</translation>
    </message>
    <message>
        <source>Kode pembayaran sudah tidak berlaku. Ulangi dari cek rekening tujuan.</source>
        <translation>The payment code has expired. Start again from checking the destination account.</translation>
    </message>
    <message>
        <source>Nomor jurnal transfer tidak cocok dengan referensinya. Hubungi helpdesk.</source>
        <translation>The transfer journal number does not match its reference. Contact the helpdesk.</translation>
    </message>
    <message>
        <source>Rekening tujuan tidak aktif. Transfer tidak dapat dilakukan.</source>
        <translation>The destination account is inactive. The transfer cannot be made.</translation>
    </message>
    <message>
        <source>Nominal tidak diterima switcher. Periksa nominal.</source>
        <translation>The switcher did not accept the amount. Check the amount.</translation>
    </message>
    <message>
        <source>Permintaan ditolak switcher (format). Ulangi dari cek rekening tujuan; bila berulang, hubungi helpdesk.</source>
        <translation>The switcher refused the request (format). Start again from the beneficiary check; if it repeats, call the helpdesk.</translation>
    </message>
    <message>
        <source>Transaksi ditolak switcher: {value}. Hubungi helpdesk bila berulang.</source>
        <translation>Transaction rejected by the switcher: {value}. Contact the helpdesk if it happens again.</translation>
    </message>
    <message>
        <source>PIN cepat salah.</source>
        <translation>Wrong quick PIN.</translation>
    </message>
    <message>
        <source>PIN cepat harus {LENGTH} angka.</source>
        <translation>The quick PIN must be {LENGTH} digits.</translation>
    </message>
    <message>
        <source>PIN cepat terlalu mudah ditebak (angka sama atau berurutan).</source>
        <translation>The quick PIN is too easy to guess (repeated or consecutive digits).</translation>
    </message>
    <message>
        <source>Ulangi PIN cepat yang sama persis.</source>
        <translation>Repeat exactly the same quick PIN.</translation>
    </message>
    <message>
        <source>Printer gagal mencetak.</source>
        <translation>The printer failed to print.</translation>
    </message>
    <message>
        <source>{reason} Transaksi tetap BERHASIL, jangan diulang. Struk disimpan sebagai PDF: {fallback_pdf}. Cetak ulang dari Riwayat Transaksi.</source>
        <translation>{reason} The transaction stays SUCCESSFUL, do not repeat it. The receipt was saved as a PDF: {fallback_pdf}. Reprint it from Transaction History.</translation>
    </message>
    <message>
        <source>{reason} Transaksi tetap BERHASIL, jangan diulang. Struk dapat dicetak ulang dari Riwayat Transaksi.</source>
        <translation>{reason} The transaction stays SUCCESSFUL, do not repeat it. The receipt can be reprinted from Transaction History.</translation>
    </message>
    <message>
        <source>Printer tidak terhubung. Periksa daya, kabel, dan kertas printer.</source>
        <translation>The printer is not connected. Check its power, cable and paper.</translation>
    </message>
    <message>
        <source>Printer berhenti saat mencetak. Periksa kertas dan tutup printer.</source>
        <translation>The printer stopped while printing. Check the paper and the printer cover.</translation>
    </message>
    <message>
        <source>Pilih jenis sambungan printer.</source>
        <translation>Choose the printer connection type.</translation>
    </message>
    <message>
        <source>Lebar kertas harus 58 mm atau 80 mm.</source>
        <translation>The paper width must be 58 mm or 80 mm.</translation>
    </message>
    <message>
        <source>Pilih lebar kertas dan jumlah karakternya dari daftar.</source>
        <translation>Choose the paper width and its characters per line from the list.</translation>
    </message>
    <message>
        <source>Isi alamat IP printer, misalnya 192.168.1.50.</source>
        <translation>Enter the printer&apos;s IP address, e.g. 192.168.1.50.</translation>
    </message>
    <message>
        <source>Port printer jaringan biasanya 9100.</source>
        <translation>Network printers usually use port 9100.</translation>
    </message>
    <message>
        <source>Isi Vendor ID dan Product ID printer USB.</source>
        <translation>Enter the USB printer&apos;s Vendor ID and Product ID.</translation>
    </message>
    <message>
        <source>Isi port serial printer, misalnya COM3.</source>
        <translation>Enter the printer&apos;s serial port, e.g. COM3.</translation>
    </message>
    <message>
        <source>Pilih printer Windows.</source>
        <translation>Choose a Windows printer.</translation>
    </message>
    <message>
        <source>File logo tidak ditemukan.</source>
        <translation>Logo file not found.</translation>
    </message>
    <message>
        <source>Printer USB tidak ditemukan. Periksa kabel USB dan daya printer.</source>
        <translation>USB printer not found. Check the USB cable and the printer&apos;s power.</translation>
    </message>
    <message>
        <source>Printer serial ({where}) tidak dapat dibuka. Periksa kabel dan port di Pengaturan Printer.</source>
        <translation>Serial printer ({where}) could not be opened. Check the cable and the port in the Printer settings.</translation>
    </message>
    <message>
        <source>Printer jaringan ({where}) tidak dapat dihubungi. Periksa daya printer, kabel LAN/Wi-Fi, dan alamat IP.</source>
        <translation>Network printer ({where}) could not be reached. Check the printer&apos;s power, the LAN/Wi-Fi cable and the IP address.</translation>
    </message>
    <message>
        <source>Printer Windows &quot;{where}&quot; tidak tersedia. Periksa printer di Pengaturan Printer.</source>
        <translation>Windows printer &quot;{where}&quot; is not available. Check the printer in the Printer settings.</translation>
    </message>
    <message>
        <source>Mode PDF tidak memakai printer.</source>
        <translation>PDF mode does not use a printer.</translation>
    </message>
    <message>
        <source>Folder struk ({receipts_dir}) tidak dapat ditulis.</source>
        <translation>The receipt folder ({receipts_dir}) cannot be written to.</translation>
    </message>
    <message>
        <source>Printer belum menjawab. Tunggu struk yang sedang dicetak selesai, lalu coba lagi.</source>
        <translation>The printer has not answered yet. Wait for the receipt being printed to finish, then try again.</translation>
    </message>
    <message>
        <source>Tulis nama petugas bank yang mengonfirmasi.</source>
        <translation>Write the name of the bank officer who confirmed it.</translation>
    </message>
    <message>
        <source>Tulis jam telepon sebagai JJ:MM, mis. 14:05.</source>
        <translation>Write the time of the call as HH:MM, e.g. 14:05.</translation>
    </message>
    <message>
        <source>Biaya dari host hanya dicatat untuk transaksi BERHASIL.</source>
        <translation>The host&apos;s fee is recorded only for a SUCCESSFUL transaction.</translation>
    </message>
    <message>
        <source>Isi biaya dari host dalam rupiah, tanpa tanda minus.</source>
        <translation>Enter the host&apos;s fee in rupiah, without a minus sign.</translation>
    </message>
    <message>
        <source>Sudah pasti: {value}.</source>
        <translation>Already settled: {value}.</translation>
    </message>
    <message>
        <source>bank tidak dapat dihubungi</source>
        <translation>the bank could not be reached</translation>
    </message>
    <message>
        <source>jawaban bank tidak diterima atau tidak terbaca</source>
        <translation>the bank&apos;s answer was not received or could not be read</translation>
    </message>
    <message>
        <source>Host ini tidak punya cek status: selesaikan secara manual.</source>
        <translation>This host has no status check: settle it manually.</translation>
    </message>
    <message>
        <source>Cek status belum berhasil: {why}. Status transaksi tetap belum pasti: JANGAN ulangi transaksi dan JANGAN kembalikan uang dulu. Akan dicoba lagi.</source>
        <translation>Status check not done yet: {why}. The transaction&apos;s status is still uncertain: do NOT repeat the transaction and do NOT hand the money back yet. It will be tried again.</translation>
    </message>
    <message>
        <source>Cek status belum berhasil ({detail}). Akan dicoba lagi.</source>
        <translation>The status check did not get through ({detail}). It will be tried again.</translation>
    </message>
    <message>
        <source>Cek status: transfer yang sudah berhasil DIKEMBALIKAN bank ke rekening agen. Kembalikan uang tunai nasabah.</source>
        <translation>Status check: a transfer that had succeeded was SENT BACK by the bank to the agent&apos;s account. Give the customer their cash back.</translation>
    </message>
    <message>
        <source>Cek status belum berhasil ({detail}). Transaksi tetap tercatat BERHASIL.</source>
        <translation>The status check did not go through ({detail}). The transaction stays recorded as SUCCESSFUL.</translation>
    </message>
    <message>
        <source>Cek status: transaksi tetap BERHASIL di bank.</source>
        <translation>Status check: the transaction is still SUCCESSFUL at the bank.</translation>
    </message>
    <message>
        <source>Bank menjawab &quot;{detail}&quot; untuk transaksi yang sudah BERHASIL. Status tidak diubah: telepon bank sebelum mengembalikan uang.</source>
        <translation>The bank answered &quot;{detail}&quot; for a transaction that had SUCCEEDED. The status is unchanged: call the bank before giving any money back.</translation>
    </message>
    <message>
        <source>Jawaban cek status menyebut transaksi lain ({reference}). Akan dicoba lagi.</source>
        <translation>The status answer names another transaction ({reference}). It will be tried again.</translation>
    </message>
    <message>
        <source>Host menjawab &quot;{detail}&quot;: itu tidak memastikan statusnya. Telepon host, lalu selesaikan manual. Jangan ulangi transaksi.</source>
        <translation>The host answered &quot;{detail}&quot;: that does not settle the status. Call the host, then settle it by hand. Do not repeat the transaction.</translation>
    </message>
    <message>
        <source>Host belum mengenal transaksi ini. Dicek lagi sebentar lagi.</source>
        <translation>The host does not know this transaction yet. It is checked again shortly.</translation>
    </message>
    <message>
        <source>Cek status: transaksi BERHASIL di host.</source>
        <translation>Status check: the transaction SUCCEEDED at the host.</translation>
    </message>
    <message>
        <source>Cek status: transfer GAGAL, dananya sudah keluar lalu DIKEMBALIKAN bank ke rekening agen. Kembalikan uang tunai nasabah.</source>
        <translation>Status check: transfer FAILED; the money had left and the bank RETURNED it to the agent&apos;s account. Give the customer&apos;s cash back.</translation>
    </message>
    <message>
        <source>Cek status: transaksi TIDAK diproses host (GAGAL). Dana tidak berpindah.</source>
        <translation>Status check: the host did NOT process the transaction (FAILED). No money moved.</translation>
    </message>
    <message>
        <source>Nama petugas yang menyelesaikan wajib diisi.</source>
        <translation>The name of the operator settling it is required.</translation>
    </message>
    <message>
        <source>Tulis alasan penyelesaian (dasar keputusan, mis. laporan host).</source>
        <translation>Write the reason for settling (the basis for the decision, e.g. the host report).</translation>
    </message>
    <message>
        <source>Isi nomor jurnal/referensi host dari laporan host.</source>
        <translation>Enter the host journal/reference number from the host report.</translation>
    </message>
    <message>
        <source>Transaksi {reference} tidak menggantung ({value}).</source>
        <translation>Transaction {reference} is not pending ({value}).</translation>
    </message>
    <message>
        <source>Host ini punya cek status: gunakan Cek Status, bukan manual.</source>
        <translation>This host has a status check: use Check status, not manual.</translation>
    </message>
    <message>
        <source>Total dari host harus nominal {amount} ditambah biaya admin.</source>
        <translation>The host&apos;s total must be the amount {amount} plus the admin fee.</translation>
    </message>
    <message>
        <source>Dicatat BERHASIL oleh {actor}. {value}</source>
        <translation>Recorded as SUCCESSFUL by {actor}. {value}</translation>
    </message>
    <message>
        <source>Dicatat BERHASIL oleh {actor}.</source>
        <translation>Recorded as SUCCESSFUL by {actor}.</translation>
    </message>
    <message>
        <source>Dicatat GAGAL oleh {actor}.</source>
        <translation>Recorded as FAILED by {actor}.</translation>
    </message>
    <message>
        <source>Transaksi {reference} sudah terkirim atau selesai ({value}): tidak dapat dibatalkan di sini.</source>
        <translation>Transaction {reference} was already sent or finished ({value}): it cannot be cancelled here.</translation>
    </message>
    <message>
        <source>Dibatalkan. Transaksi tidak pernah terkirim.</source>
        <translation>Cancelled. The transaction was never sent.</translation>
    </message>
    <message>
        <source>Nomor HP diawali 08 atau 62, 10-15 angka.</source>
        <translation>The mobile number starts with 08 or 62 and has 10-15 digits.</translation>
    </message>
    <message>
        <source>Nama pelanggan wajib diisi.</source>
        <translation>The customer name is required.</translation>
    </message>
    <message>
        <source>Nama VA hanya boleh berisi huruf A-Z, angka, spasi dan . - / + , = _ : &apos; @ %. Ganti atau hapus: {value}</source>
        <translation>A VA name may only hold the letters A-Z, digits, spaces and . - / + , = _ : &apos; @ %. Change or remove: {value}</translation>
    </message>
    <message>
        <source>Nama pelanggan paling banyak 255 huruf.</source>
        <translation>The customer name is at most 255 characters.</translation>
    </message>
    <message>
        <source>Nomor pelanggan berupa angka, paling banyak 20 digit.</source>
        <translation>The customer number is digits only, at most 20.</translation>
    </message>
    <message>
        <source>Pilih jenis VA: tertutup (nominal tetap) atau terbuka.</source>
        <translation>Choose the VA type: closed (fixed amount) or open.</translation>
    </message>
    <message>
        <source>Nominal harus lebih dari nol.</source>
        <translation>The amount must be more than zero.</translation>
    </message>
    <message>
        <source>Nominal paling banyak {maximum}.</source>
        <translation>Amount at most {maximum}.</translation>
    </message>
    <message>
        <source>Nominal wajib diisi untuk VA tertutup.</source>
        <translation>An amount is required for a closed VA.</translation>
    </message>
    <message>
        <source>Alamat email tidak valid.</source>
        <translation>Invalid email address.</translation>
    </message>
    <message>
        <source>Batas waktu bayar harus setelah sekarang.</source>
        <translation>The payment deadline must be later than now.</translation>
    </message>
    <message>
        <source>Nomor referensi tidak ada di jurnal.</source>
        <translation>Reference number not in the journal.</translation>
    </message>
    <message>
        <source>Nomor referensi ini milik transaksi jenis lain.</source>
        <translation>This reference number belongs to another kind of transaction.</translation>
    </message>
    <message>
        <source>Nomor rekening BCA terdiri dari 10 angka.</source>
        <translation>A BCA account number has 10 digits.</translation>
    </message>
    <message>
        <source>Itu rekening agen sendiri. Masukkan rekening tujuan.</source>
        <translation>That is the agent&apos;s own account. Enter the destination account.</translation>
    </message>
    <message>
        <source>Nominal transfer antara {low} dan {high}.</source>
        <translation>The transfer amount is between {low} and {high}.</translation>
    </message>
    <message>
        <source>Berita transfer paling banyak {REMARK_MAX} huruf.</source>
        <translation>The transfer note is at most {REMARK_MAX} characters.</translation>
    </message>
    <message>
        <source>Rekening BCA: pakai transfer sesama BCA.</source>
        <translation>A BCA account: use BCA-to-BCA transfer.</translation>
    </message>
    <message>
        <source>Pilih bank tujuan dari daftar.</source>
        <translation>Choose the destination bank from the list.</translation>
    </message>
    <message>
        <source>Nomor rekening tujuan 6-20 angka.</source>
        <translation>Destination account number: 6-20 digits.</translation>
    </message>
    <message>
        <source>Tanggal awal harus sebelum tanggal akhir.</source>
        <translation>The start date must be before the end date.</translation>
    </message>
    <message>
        <source>Tanggal akhir tidak boleh setelah hari ini.</source>
        <translation>The end date cannot be after today.</translation>
    </message>
    <message>
        <source>Rentang mutasi paling lama {STATEMENT_MAX_DAYS} hari.</source>
        <translation>A statement covers at most {STATEMENT_MAX_DAYS} days.</translation>
    </message>
    <message>
        <source>Kode bank switching tidak valid (mis. BRINIDJA).</source>
        <translation>Invalid switching bank code (e.g. BRINIDJA).</translation>
    </message>
    <message>
        <source>PIN transaksi tidak dapat diperiksa di komputer ini. Hubungi helpdesk.</source>
        <translation>The transaction PIN cannot be checked on this computer. Contact the helpdesk.</translation>
    </message>
    <message>
        <source>Berita transfer paling panjang 100 huruf.</source>
        <translation>The transfer note is at most 100 characters.</translation>
    </message>
    <message>
        <source>Cek rekening tujuan dulu.</source>
        <translation>Check the destination account first.</translation>
    </message>
    <message>
        <source>Hanya transfer switching yang dapat dibatalkan di sini.</source>
        <translation>Only switching transfers can be cancelled here.</translation>
    </message>
    <message>
        <source>Transfer ini sudah dibatalkan sebelumnya.</source>
        <translation>This transfer was already cancelled.</translation>
    </message>
    <message>
        <source>Transfer berstatus {value}: hanya transfer BERHASIL yang dapat dibatalkan.</source>
        <translation>The transfer is {value}: only SUCCESSFUL transfers can be cancelled.</translation>
    </message>
    <message>
        <source>Tulis alasan pembatalan.</source>
        <translation>Write the reason for cancelling.</translation>
    </message>
    <message>
        <source>Pembatalan transfer ini (ref {reference}) belum pasti statusnya. Selesaikan dulu di Beranda, daftar Transaksi Menggantung.</source>
        <translation>The reversal of this transfer (ref {reference}) has an unknown status. Settle it first in the Pending Transactions list on Home.</translation>
    </message>
    <message>
        <source>PIN supervisor salah atau tidak berhak menyetujui pembatalan.</source>
        <translation>Wrong supervisor PIN, or not allowed to approve the cancellation.</translation>
    </message>
    <message>
        <source>Biaya admin dari bank {fee} belum termasuk dalam konfirmasi. Tagih nasabah {diff} lagi: totalnya {total}, seperti tercetak di bukti.</source>
        <translation>The bank&apos;s admin fee {fee} was not in the confirmation. Collect {diff} more from the customer: the total is {total}, as printed on the receipt.</translation>
    </message>
    <message>
        <source>Biaya admin dari bank {fee}, bukan {asked} seperti saat konfirmasi. Tagih nasabah {diff} lagi: totalnya {total}, seperti tercetak di bukti.</source>
        <translation>The bank&apos;s admin fee is {fee}, not {asked} as confirmed. Collect {diff} more from the customer: the total is {total}, as printed on the receipt.</translation>
    </message>
    <message>
        <source>Biaya admin dari bank {fee}, bukan {asked} seperti saat konfirmasi. Kembalikan {diff} kepada nasabah: totalnya {total}, seperti tercetak di bukti.</source>
        <translation>The bank&apos;s admin fee is {fee}, not {asked} as confirmed. Give {diff} back to the customer: the total is {total}, as printed on the receipt.</translation>
    </message>
    <message>
        <source>Transaksi sebelumnya untuk pelanggan {customer} (ref {reference}) belum pasti statusnya. Selesaikan dulu di Beranda, daftar Transaksi Menggantung, sebelum membayar lagi.</source>
        <translation>An earlier transaction for customer {customer} (ref {reference}) has an unknown status. Settle it first in the Pending Transactions list on Home before paying again.</translation>
    </message>
    <message>
        <source>Transaksi yang sama sudah BERHASIL pukul {time} (ref {reference}). Ini transaksi baru?</source>
        <translation>The same transaction already SUCCEEDED at {time} (ref {reference}). Is this a new transaction?</translation>
    </message>
    <message>
        <source>Transaksi {reference} tercatat dengan isian lain (pelanggan, nominal atau biaya): tidak dikirim ulang. Mulai transaksi baru dengan isian ini.</source>
        <translation>Transaction {reference} is recorded with other details (customer, amount or fee): it is not resent. Start a new transaction with these details.</translation>
    </message>
    <message>
        <source>Transaksi {reference} berstatus {value} dan tidak boleh dikirim ulang.</source>
        <translation>Transaction {reference} is {value} and must not be sent again.</translation>
    </message>
    <message>
        <source>{label} hanya boleh berisi angka.</source>
        <translation>{label} may contain digits only.</translation>
    </message>
    <message>
        <source>{label} {value} belum lengkap: yang lebih pendek dari {length} angka hanya {codes}.</source>
        <translation>{label} {value} is incomplete: the only ones shorter than {length} digits are {codes}.</translation>
    </message>
    <message>
        <source>{label} hanya boleh berisi huruf dan angka.</source>
        <translation>{label} may hold only letters and digits.</translation>
    </message>
    <message>
        <source>{label} bukan jumlah rupiah yang sah.</source>
        <translation>{label} is not a valid rupiah amount.</translation>
    </message>
    <message>
        <source>Pilih {label} dari daftar.</source>
        <translation>Choose the {label} from the list.</translation>
    </message>
    <message>
        <source>{label} harus {length} karakter.</source>
        <translation>{label} must be {length} characters long.</translation>
    </message>
    <message>
        <source>{label} harus {shortest} sampai {longest} karakter.</source>
        <translation>{label} must be {shortest} to {longest} characters long.</translation>
    </message>
    <message>
        <source>{label} minimal {minimum}.</source>
        <translation>{label} must be at least {minimum}.</translation>
    </message>
    <message>
        <source>{label} maksimal {maximum}.</source>
        <translation>{label} must be at most {maximum}.</translation>
    </message>
    <message>
        <source>{label} harus {size} digit.</source>
        <translation>{label} must be {size} digits.</translation>
    </message>
    <message>
        <source>Nomor rekening</source>
        <translation>Account number</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>{label} harus diawali 0 dan berisi angka, contoh 081234567890.</source>
        <translation>{label} must start with 0 and contain digits only, e.g. 081234567890.</translation>
    </message>
    <message>
        <source>{label} harus nomor seluler yang diawali 08.</source>
        <translation>{label} must be a mobile number starting with 08.</translation>
    </message>
    <message>
        <source>{label} harus 9–13 digit.</source>
        <translation>{label} must be 9–13 digits.</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Alamat email tidak valid, contoh nama@email.com.</source>
        <translation>Invalid email address, e.g. name@email.com.</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>{label} hanya boleh berisi huruf, spasi dan tanda baca nama.</source>
        <translation>{label} may contain only letters, spaces and name punctuation.</translation>
    </message>
    <message>
        <source>{label} paling panjang 60 huruf.</source>
        <translation>{label} is at most 60 letters.</translation>
    </message>
    <message>
        <source>Nominal</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>{label} paling sedikit {minimum}.</source>
        <translation>{label} is at least {minimum}.</translation>
    </message>
    <message>
        <source>{label} paling banyak {maximum}.</source>
        <translation>{label} is at most {maximum}.</translation>
    </message>
    <message>
        <source>Tanggal lahir</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Tanggal lahir tidak valid (format TTTT-BB-HH).</source>
        <translation>Invalid date of birth (format YYYY-MM-DD).</translation>
    </message>
    <message>
        <source>Tanggal lahir harus sebelum hari ini.</source>
        <translation>The date of birth must be before today.</translation>
    </message>
    <message>
        <source>Nasabah harus berusia minimal {min_age} tahun.</source>
        <translation>The customer must be at least {min_age} years old.</translation>
    </message>
    <message>
        <source>Tanggal lahir tidak masuk akal; periksa tahunnya.</source>
        <translation>The date of birth is not plausible; check the year.</translation>
    </message>
    <message>
        <source>Password baru minimal 8 karakter.</source>
        <translation>The new password needs at least 8 characters.</translation>
    </message>
    <message>
        <source>Password baru harus berisi huruf dan angka.</source>
        <translation>The new password must contain letters and digits.</translation>
    </message>
    <message>
        <source>Password baru harus berbeda dari password lama.</source>
        <translation>The new password must differ from the old password.</translation>
    </message>
    <message>
        <source>Konfirmasi password tidak sama dengan password baru.</source>
        <translation>The confirmation does not match the new password.</translation>
    </message>
    <message>
        <source>Tidak dapat terhubung ke host. Periksa koneksi internet dan alamat host. ({detail})</source>
        <translation>Cannot connect to the host. Check the internet connection and the host address. ({detail})</translation>
    </message>
    <message>
        <source>Host tidak menjawab dengan benar ({detail}). Coba lagi sebentar; bila berulang, hubungi helpdesk.</source>
        <translation>The host did not answer properly ({detail}). Try again shortly; if it keeps happening, call the helpdesk.</translation>
    </message>
    <message>
        <source>Host BNI menolak pemeriksaan koneksi: {detail}</source>
        <translation>The BNI host refused the connection check: {detail}</translation>
    </message>
    <message>
        <source>Database kantor tidak dapat diperiksa ({detail}). Hubungi helpdesk.</source>
        <translation>The office database could not be checked ({detail}). Call the helpdesk.</translation>
    </message>
    <message>
        <source>Login diterima, tetapi database ini belum disiapkan untuk Loket. Hubungi operator kantor. ({detail})</source>
        <translation>Login accepted, but this database is not set up for Loket. Contact the office&apos;s operator. ({detail})</translation>
    </message>
    <message>
        <source>Login diterima, tetapi belum terdaftar sebagai loket. Minta operator kantor mendaftarkan ID loket {counter_id}.</source>
        <translation>Login accepted, but it is not registered as a counter. Ask the office&apos;s operator to register counter ID {counter_id}.</translation>
    </message>
    <message>
        <source>Login ini terdaftar untuk loket {registered}, bukan {counter_id}. Periksa ID loket ini.</source>
        <translation>This login is registered for counter {registered}, not {counter_id}. Check this counter&apos;s ID.</translation>
    </message>
    <message>
        <source>Database kantor tidak memakai koneksi terenkripsi (TLS); jurnal tidak dikirim tanpa TLS. Hubungi operator kantor.</source>
        <translation>The office database does not use an encrypted connection (TLS); the journal is never sent without TLS. Contact the office&apos;s operator.</translation>
    </message>
    <message>
        <source>Sertifikat kantor tidak dapat dipastikan. Periksa berkas sertifikat kantor, dan bahwa alamatnya sama dengan nama di sertifikat. ({detail})</source>
        <translation>The office&apos;s certificate could not be verified. Check the office certificate file, and that the address is the name on the certificate. ({detail})</translation>
    </message>
    <message>
        <source>Login ditolak. Periksa ID loket ({counter_id}) dan password: keduanya harus sama dengan yang didaftarkan operator kantor. ({detail})</source>
        <translation>Login refused. Check the counter ID ({counter_id}) and the password: both must be the ones the office&apos;s operator registered. ({detail})</translation>
    </message>
    <message>
        <source>Login ditolak. Periksa nama login dan password dari operator kantor. ({detail})</source>
        <translation>Login refused. Check the login name and password from the office&apos;s operator. ({detail})</translation>
    </message>
    <message>
        <source>Kantor tidak lagi menerima ID loket ini: operator kantor sudah menggantinya. Minta operator kantor ID loket dan kata sandi yang berlaku untuk PC ini, lalu isi di sini dan buka ulang Loket. ({detail})</source>
        <translation>The office no longer accepts this counter ID: the office operator has replaced it. Ask the office operator for the counter ID and password in use for this PC, enter them here and reopen Loket. ({detail})</translation>
    </message>
    <message>
        <source>Database tidak ditemukan. Periksa nama database di alamat, sesudah tanda /. ({detail})</source>
        <translation>Database not found. Check the database name in the address, after the /. ({detail})</translation>
    </message>
    <message>
        <source>Database kantor menolak koneksi ({detail}). Hubungi operator kantor.</source>
        <translation>The office database refused the connection ({detail}). Contact the office&apos;s operator.</translation>
    </message>
    <message>
        <source>Database kantor tidak dapat dihubungi. Periksa koneksi internet dan alamat database kantor. ({detail})</source>
        <translation>The office database cannot be reached. Check the internet connection and the office database address. ({detail})</translation>
    </message>
    <message>
        <source>Tutup Hari dilakukan sesudah transaksi ini diisi, jadi transaksi ini tidak dikirim. Mulai lagi dari awal bila nasabah masih ada.</source>
        <translation>Close Day was done after this transaction was filled in, so it was not sent. Start again from the beginning if the customer is still here.</translation>
    </message>
    <message>
        <source>Transaksi {reference} sudah selesai dan tidak dikirim lagi. Mulai transaksi baru.</source>
        <translation>Transaction {reference} is finished and is not sent again. Start a new transaction.</translation>
    </message>
    <message>
        <source>{label} berupa 4 sampai 8 angka.</source>
        <translation>{label} is 4 to 8 digits.</translation>
    </message>
    <message>
        <source>Lengkapi dan periksa data transaksi dulu.</source>
        <translation>Complete and check the transaction details first.</translation>
    </message>
    <message>
        <source>percobaan PIN transaksi</source>
        <translation>transaction PIN attempts</translation>
    </message>
    <message>
        <source>PIN transaksi salah. Ketik ulang PIN transaksi agen.</source>
        <translation>Wrong transaction PIN. Type the agent&apos;s transaction PIN again.</translation>
    </message>
    <message>
        <source>PIN transaksi agen belum dikenal di komputer ini. Lakukan dulu satu transaksi Bank+ (mis. Setor Tunai atau Transfer) dengan PIN transaksi Anda, lalu ulangi transfer ini.</source>
        <translation>The agent&apos;s transaction PIN is not yet known on this computer. First do one Bank+ transaction (e.g. Cash Deposit or Transfer) with your transaction PIN, then repeat this transfer.</translation>
    </message>
    <message>
        <source>Jurnal tidak cocok dengan laporan hari yang sudah ditutup: {problem}</source>
        <translation>The journal does not match a closed day&apos;s report: {problem}</translation>
    </message>
    <message>
        <source>Mode live belum diatur: alamat host Bank+ kosong. Buka Loket sekali dengan --sandbox, lalu minta supervisor mengisi Pengaturan &gt; Koneksi Host dan memilih mode Live.</source>
        <translation>Live mode is not set up: the Bank+ host address is empty. Open Loket once with --sandbox, then ask a supervisor to fill in Settings &gt; Host Connection and choose Live mode.</translation>
    </message>
    <message>
        <source>Alamat host live {value} harus memakai https://. Buka Loket sekali dengan --sandbox, lalu minta supervisor memperbaikinya di Pengaturan &gt; Koneksi Host.</source>
        <translation>The live address of host {value} must use https://. Open Loket once with --sandbox, then ask a supervisor to correct it in Settings &gt; Host Connection.</translation>
    </message>
    <message>
        <source>Alamat host live {value} adalah platform uji bank (development/sandbox), bukan production. Buka Loket sekali dengan --sandbox, lalu minta supervisor memperbaikinya di Pengaturan &gt; Koneksi Host.</source>
        <translation>The live address of host {value} is the bank&apos;s test platform (development/sandbox), not production. Open Loket once with --sandbox, then ask a supervisor to correct it in Settings &gt; Host Connection.</translation>
    </message>
    <message>
        <source>Path {key} host live {value} harus diawali / tanpa nama host. Buka Loket sekali dengan --sandbox, lalu minta supervisor memperbaikinya di Pengaturan &gt; Koneksi Host.</source>
        <translation>Path {key} of live host {value} must start with / and name no host. Open Loket once with --sandbox, then ask a supervisor to correct it in Settings &gt; Host Connection.</translation>
    </message>
    <message>
        <source>Data tutup hari di jurnal ditulis oleh Loket yang lebih baru (skema {version}; Loket ini {supported}).</source>
        <translation>The day-close data in the journal was written by a newer Loket (schema {version}; this Loket {supported}).</translation>
    </message>
    <message>
        <source>Jangan menerima transaksi dan jangan menghapus file apa pun di folder profil. Hubungi helpdesk dan sebutkan pesan ini; helpdesk memeriksa jurnal dengan &quot;loket-debug journal verify&quot; dan memulihkannya dari cadangan.</source>
        <translation>Do not take transactions and do not delete any file in the profile folder. Call the helpdesk and read them this message; the helpdesk checks the journal with &quot;loket-debug journal verify&quot; and restores it from a backup.</translation>
    </message>
    <message>
        <source>Ini bukan kerusakan jurnal. Tutup program lain yang mungkin membuka file jurnal (program backup, antivirus, penampil database, Loket yang lain) dan periksa izin folder profil, lalu buka Loket lagi. Bila tetap begini, hubungi helpdesk dan sebutkan pesan ini. Jangan menghapus, memindahkan atau mengganti file apa pun di folder profil.</source>
        <translation>The journal is not damaged. Close any other program that may have the journal file open (a backup program, antivirus, a database viewer, another Loket) and check the profile folder&apos;s permissions, then open Loket again. If it stays like this, call the helpdesk and quote this message. Do not delete, move or replace any file in the profile folder.</translation>
    </message>
    <message>
        <source>Jurnal sedang dipakai program lain (misalnya program backup atau antivirus): transaksi tidak dapat dicatat dan tidak dikirim. Tunggu sebentar, lalu coba lagi; bila berulang, tutup program itu atau hubungi helpdesk.</source>
        <translation>The journal is in use by another program (a backup program or antivirus, for example): the transaction cannot be recorded and was not sent. Wait a moment, then try again; if it keeps happening, close that program or call the helpdesk.</translation>
    </message>
    <message>
        <source>Disk penuh: transaksi tidak dapat dicatat. Kosongkan ruang disk komputer ini (hubungi helpdesk), lalu coba lagi.</source>
        <translation>Disk full: the transaction cannot be recorded. Free disk space on this computer (call the helpdesk), then try again.</translation>
    </message>
    <message>
        <source>Jurnal tidak dapat ditulis (folder profil hanya-baca atau disk bermasalah): transaksi tidak dapat dicatat dan tidak dikirim. Jangan terima uang dulu; tutup Loket dan hubungi helpdesk.</source>
        <translation>The journal cannot be written (read-only profile folder or a failing disk): the transaction cannot be recorded and was not sent. Do not take money yet; close Loket and call the helpdesk.</translation>
    </message>
    <message>
        <source>File jurnal sedang dipakai program lain dan tidak dapat dibuka ({error}).</source>
        <translation>The journal file is in use by another program and cannot be opened ({error}).</translation>
    </message>
    <message>
        <source>File jurnal tidak dapat dibuka ({error}).</source>
        <translation>The journal file cannot be opened ({error}).</translation>
    </message>
    <message>
        <source>File jurnal rusak dan tidak dapat dibuka ({error}).</source>
        <translation>The journal file is damaged and cannot be opened ({error}).</translation>
    </message>
    <message>
        <source>File jurnal tidak ada, padahal berisi {rows} transaksi.</source>
        <translation>The journal file is missing, yet it held {rows} transactions.</translation>
    </message>
    <message>
        <source>File jurnal tidak dapat dibaca ({error}).</source>
        <translation>The journal file cannot be read ({error}).</translation>
    </message>
    <message>
        <source>File jurnal kosong (0 byte), padahal berisi {rows} transaksi.</source>
        <translation>The journal file is empty (0 bytes), yet it held {rows} transactions.</translation>
    </message>
    <message>
        <source>File jurnal rusak: isinya bukan jurnal Loket.</source>
        <translation>The journal file is damaged: it is not a Loket journal.</translation>
    </message>
    <message>
        <source>File jurnal rusak (pemeriksaan SQLite: {problem}).</source>
        <translation>The journal file is damaged (SQLite check: {problem}).</translation>
    </message>
    <message>
        <source>Struktur jurnal tidak lengkap: {missing} hilang.</source>
        <translation>The journal structure is incomplete: {missing} missing.</translation>
    </message>
    <message>
        <source>Jurnal berisi {have} transaksi, padahal tercatat {count}: ada transaksi yang hilang.</source>
        <translation>The journal holds {have} transactions, yet {count} were recorded: transactions are missing.</translation>
    </message>
    <message>
        <source>Jurnal berisi {have} catatan status, padahal tercatat {count}: ada catatan yang hilang.</source>
        <translation>The journal holds {have} status records, yet {count} were recorded: records are missing.</translation>
    </message>
    <message>
        <source>Transaksi ke-{count} di jurnal berbeda dengan yang tercatat: jurnal diubah.</source>
        <translation>Transaction no. {count} in the journal differs from what was recorded: the journal was changed.</translation>
    </message>
    <message>
        <source>Catatan status ke-{count} di jurnal berbeda dengan yang tercatat: jurnal diubah.</source>
        <translation>Status record no. {count} in the journal differs from what was recorded: the journal was changed.</translation>
    </message>
    <message>
        <source>Loket yang terpasang lebih lama daripada yang menulis jurnal ini. Pasang lagi versi Loket terbaru (jangan versi lama); data tetap aman selama tidak ada file yang dihapus.</source>
        <translation>The installed Loket is older than the one that wrote this journal. Install the newest Loket again (not an old version); the data stays safe as long as no file is deleted.</translation>
    </message>
    <message>
        <source>Jurnal ini ditulis oleh Loket yang lebih baru (skema {version}; Loket ini {supported}).</source>
        <translation>This journal was written by a newer Loket (schema {version}; this Loket {supported}).</translation>
    </message>
    <message>
        <source>Pengaturan tidak dapat disimpan ({error}): disk penuh, atau folder profil atau settings.json hanya-baca. Pengaturan yang lama tetap berlaku; minta helpdesk memeriksa disk komputer ini.</source>
        <translation>The settings cannot be saved ({error}): the disk is full, or the profile folder or settings.json is read-only. The previous settings still apply; ask the helpdesk to check this computer&apos;s disk.</translation>
    </message>
    <message>
        <source>Hubungi helpdesk dan sebutkan pesan ini. Jangan menghapus file apa pun di folder profil.</source>
        <translation>Call the helpdesk and read them this message. Do not delete any file in the profile folder.</translation>
    </message>
    <message>
        <source>Tutup Loket, lalu minta helpdesk memperbaiki settings.json di folder profil, atau ganti namanya (misalnya settings.rusak.json) agar Loket memakai pengaturan bawaan; pengaturan host dan printer harus diatur ulang.</source>
        <translation>Close Loket, then ask the helpdesk to repair settings.json in the profile folder, or rename it (for example settings.rusak.json) so Loket uses the default settings; host and printer settings must then be set again.</translation>
    </message>
    <message>
        <source>Komputer ini pernah memakai Loket dalam mode live (jurnal live ada di folder profil), tetapi settings.json tidak lagi menyebut mode live atau sandbox: file itu hilang, dikosongkan atau diganti. Loket tidak dimulai agar uang nasabah tidak diterima untuk bank simulasi (sandbox).</source>
        <translation>This computer has used Loket in live mode (the live journal is in the profile folder), but settings.json no longer names live or sandbox mode: the file was lost, emptied or replaced. Loket does not start, so that no customer&apos;s money is taken for the simulated bank (sandbox).</translation>
    </message>
    <message>
        <source>Jangan menghapus file apa pun di folder profil; hubungi helpdesk. Helpdesk: kembalikan settings.json dari cadangan, lalu buka Loket lagi. Tanpa cadangan: buka Loket sekali dengan --sandbox, minta supervisor mengisi ulang Pengaturan &gt; Koneksi Host dan memilih mode Live, lalu buka Loket lagi.</source>
        <translation>Do not delete any file in the profile folder; call the helpdesk. Helpdesk: restore settings.json from a backup, then open Loket again. Without a backup: open Loket once with --sandbox, have a supervisor fill in Settings &gt; Host Connections again and choose Live mode, then open Loket again.</translation>
    </message>
    <message>
        <source>Loket harus dapat menulis di folder profilnya. Periksa bahwa disk tidak penuh dan folder tidak hanya-baca (read-only), atau minta helpdesk memperbaiki izin foldernya.</source>
        <translation>Loket must be able to write in its profile folder. Check that the disk is not full and the folder is not read-only, or ask the helpdesk to repair the folder&apos;s permissions.</translation>
    </message>
    <message>
        <source>Folder profil {folder} tidak dapat dibuat ({error}).</source>
        <translation>The profile folder {folder} cannot be created ({error}).</translation>
    </message>
    <message>
        <source>Loket tidak dapat menulis di folder profil {folder} ({error}).</source>
        <translation>Loket cannot write in the profile folder {folder} ({error}).</translation>
    </message>
    <message>
        <source>File pengaturan (settings.json) rusak: isinya bukan pengaturan yang dapat dibaca.</source>
        <translation>The settings file (settings.json) is damaged: it does not hold readable settings.</translation>
    </message>
    <message>
        <source>File pengaturan (settings.json) tidak dapat dibaca ({error}).</source>
        <translation>The settings file (settings.json) cannot be read ({error}).</translation>
    </message>
    <message>
        <source>Kembalikan file secrets.key dan secrets.bin dari cadangan folder profil, lalu buka Loket lagi. Tanpa cadangan: hubungi helpdesk; supervisor harus memasukkan ulang kata sandi host dan kunci di Pengaturan. Jangan menghapus file apa pun sendiri.</source>
        <translation>Restore secrets.key and secrets.bin from a backup of the profile folder, then open Loket again. Without a backup: call the helpdesk; a supervisor must enter the host passwords and keys again in Settings. Do not delete any file yourself.</translation>
    </message>
    <message>
        <source>Kunci penyimpanan rahasia (secrets.key) hilang dari folder profil, sehingga kata sandi dan kunci host yang tersimpan tidak dapat dibuka.</source>
        <translation>The secrets key (secrets.key) is missing from the profile folder, so the stored host passwords and keys cannot be opened.</translation>
    </message>
    <message>
        <source>Kunci penyimpanan rahasia (secrets.key) rusak.</source>
        <translation>The secrets key (secrets.key) is damaged.</translation>
    </message>
    <message>
        <source>File rahasia (secrets.bin) rusak atau tidak cocok dengan kuncinya (secrets.key).</source>
        <translation>The secrets file (secrets.bin) is damaged or does not match its key (secrets.key).</translation>
    </message>
    <message>
        <source>File rahasia (secrets.bin) rusak.</source>
        <translation>The secrets file (secrets.bin) is damaged.</translation>
    </message>
    <message>
        <source>Biaya loket bukan jumlah rupiah yang sah.</source>
        <translation>The counter fee is not a valid rupiah amount.</translation>
    </message>
    <message>
        <source>Biaya loket antara Rp 0 dan {maximum}.</source>
        <translation>The counter fee must be between Rp 0 and {maximum}.</translation>
    </message>
    <message>
        <source>Nama pengirim</source>
        <translation>Sender&apos;s name</translation>
    </message>
    <message>
        <source>Nomor HP pengirim</source>
        <translation>Sender&apos;s mobile number</translation>
    </message>
    <message>
        <source>Struk PDF tidak dapat disimpan di {folder}.</source>
        <translation>The PDF receipt could not be saved in {folder}.</translation>
    </message>
    <message>
        <source>Teks cetakan tidak dapat disimpan di {folder}.</source>
        <translation>The printout&apos;s text could not be saved in {folder}.</translation>
    </message>
    <message>
        <source>Ketik password agen untuk mengubah PIN cepat.</source>
        <translation>Type the agent password to change the quick PIN.</translation>
    </message>
    <message>
        <source>Password agen salah.</source>
        <translation>Wrong agent password.</translation>
    </message>
    <message>
        <source>percobaan masuk</source>
        <translation>login attempts</translation>
    </message>
    <message>
        <source>percobaan membuka kunci</source>
        <translation>unlock attempts</translation>
    </message>
    <message>
        <source>percobaan</source>
        <translation>attempts</translation>
    </message>
    <message>
        <source>Terlalu banyak {what} yang salah. Coba lagi dalam {seconds} detik.</source>
        <translation>Too many wrong {what}. Try again in {seconds} seconds.</translation>
    </message>
    <message>
        <source>{days} hari {hours} jam</source>
        <translation>{days} d {hours} h</translation>
    </message>
    <message>
        <source>{days} hari</source>
        <translation>{days} d</translation>
    </message>
    <message>
        <source>{hours} jam {minutes} menit</source>
        <translation>{hours} h {minutes} min</translation>
    </message>
    <message>
        <source>{hours} jam</source>
        <translation>{hours} h</translation>
    </message>
    <message>
        <source>{minutes} menit</source>
        <translation>{minutes} min</translation>
    </message>
    <message>
        <source>Jam komputer ini salah: {pc_time}, jam bank {bank_time} (selisih {difference}, menurut {host}). Betulkan tanggal, jam dan zona waktu Windows (WIB, WITA atau WIT, sesuai daerah ini). Selama jam salah, Buka Shift dan Tutup Hari bisa ditolak.</source>
        <translation>This computer&apos;s clock is wrong: {pc_time}, the bank&apos;s clock {bank_time} ({difference} apart, according to {host}). Correct the Windows date, time and time zone (WIB, WITA or WIT, as in this region). While the clock is wrong, Open Shift and Close Day may be refused.</translation>
    </message>
    <message>
        <source>Jam komputer ini salah: {pc_time}, jam bank {bank_time} (selisih {difference}, menurut {host}). Buka Shift dan Tutup Hari ditolak selama jam salah, agar laporan tidak masuk hari yang salah. Betulkan tanggal, jam dan zona waktu Windows (WIB, WITA atau WIT, sesuai daerah ini), lalu coba lagi.</source>
        <translation>This computer&apos;s clock is wrong: {pc_time}, the bank&apos;s clock {bank_time} ({difference} apart, according to {host}). Open Shift and Close Day are refused while the clock is wrong, so that the reports do not land on the wrong day. Correct the Windows date, time and time zone (WIB, WITA or WIT, as in this region), then try again.</translation>
    </message>
    <message>
        <source>Cadangan jurnal gagal dibuat. Cadangan yang lama tetap ada. Coba lagi; bila berulang, hubungi helpdesk.</source>
        <translation>The journal backup could not be made. The older backups are still there. Try again; if it happens again, call the helpdesk.</translation>
    </message>
    <message>
        <source>Folder cadangan {folder} tidak dapat dijangkau: flashdisk atau disk cadangan belum terpasang? Pasang, lalu buat cadangan di Pengaturan &gt; Cadangan Jurnal. Cadangan yang lama tetap ada.</source>
        <translation>The backup folder {folder} cannot be reached: is the USB drive or backup disk unplugged? Plug it in, then make a backup in Settings &gt; Journal Backup. The older backups are still there.</translation>
    </message>
    <message>
        <source>Cadangan tidak dapat ditulis ke {folder} ({error}): disk cadangan penuh, hanya-baca atau dicabut. Cadangan yang lama tetap ada.</source>
        <translation>The backup could not be written to {folder} ({error}): the backup disk is full, read-only or was unplugged. The older backups are still there.</translation>
    </message>
    <message>
        <source>Salinan jurnal tidak lolos pemeriksaan ({problem}) dan tidak disimpan. Cadangan yang lama tetap ada. Hubungi helpdesk dan sebutkan pesan ini.</source>
        <translation>The journal copy failed its check ({problem}) and was not kept. The older backups are still there. Call the helpdesk and quote this message.</translation>
    </message>
    <message>
        <source>Salinan jurnal tidak lolos pemeriksaan ({problem}) dan tidak dipakai sebagai cadangan. Cadangan yang lama tetap ada. Salinan yang gagal disimpan sebagai bukti ({file}). Hubungi helpdesk dan sebutkan pesan ini.</source>
        <translation>The journal copy failed its check ({problem}) and is not used as a backup. The older backups are still there. The failed copy is kept as evidence ({file}). Call the helpdesk and quote this message.</translation>
    </message>
    <message>
        <source>Jurnal tidak dapat dicadangkan ({problem}). Hubungi helpdesk dan sebutkan pesan ini.</source>
        <translation>The journal cannot be backed up ({problem}). Call the helpdesk and quote this message.</translation>
    </message>
    <message>
        <source>Folder tidak ditemukan. Pasang flashdisk atau disk cadangan, lalu pilih foldernya.</source>
        <translation>Folder not found. Plug in the USB drive or backup disk, then choose the folder.</translation>
    </message>
    <message>
        <source>Loket tidak dapat menulis di folder ini ({error}).</source>
        <translation>Loket cannot write in this folder ({error}).</translation>
    </message>
    <message>
        <source>Pilih folder di luar folder profil Loket (sebaiknya di flashdisk atau disk kedua).</source>
        <translation>Choose a folder outside Loket&apos;s profile folder (preferably on a USB drive or a second disk).</translation>
    </message>
    <message>
        <source>Tulis alamat folder lengkap, misalnya E:\Cadangan Loket.</source>
        <translation>Type the folder&apos;s full path, for example E:\Loket Backup.</translation>
    </message>
    <message>
        <source>Ada selisih kas. Serah terima dengan selisih perlu persetujuan supervisor (PIN supervisor).</source>
        <translation>There is a cash difference. A handover with a difference needs a supervisor&apos;s approval (supervisor PIN).</translation>
    </message>
    <message>
        <source>Laci kas masih dipegang {holder}. Lakukan Serah Terima Kas dulu (hitung laci), baru catat mutasi kas.</source>
        <translation>{holder} still holds the cash drawer. Do the Cash Handover first (count the drawer), then record the cash movement.</translation>
    </message>
    <message>
        <source>Laci kas masih dipegang {holder}. Transaksi ini tidak dikirim dan tidak ada uang yang berpindah. Lakukan Serah Terima Kas dulu (hitung laci), lalu ulangi transaksinya.</source>
        <translation>{holder} still holds the cash drawer. This transaction was not sent and no money moved. Do the Cash Handover first (count the drawer), then repeat the transaction.</translation>
    </message>
    <message>
        <source>Laci kas sudah dipegang petugas ini: tidak ada yang diserahterimakan.</source>
        <translation>This agent already holds the cash drawer: there is nothing to hand over.</translation>
    </message>
    <message>
        <source>Serah terima: langkah {value}, bukan {value2}.</source>
        <translation>Handover: step {value}, not {value2}.</translation>
    </message>
    <message>
        <source>Hitung kas di laci dan masukkan jumlahnya dulu.</source>
        <translation>Count the cash in the drawer and enter the total first.</translation>
    </message>
    <message>
        <source>File jurnal live (journal.db di folder profil) ini adalah jurnal latihan (sandbox): cadangan latihan dipulihkan ke tempat jurnal live. Loket tidak dimulai agar transaksi latihan tidak dihitung sebagai uang sungguhan.</source>
        <translation>This live journal file (journal.db in the profile folder) is a training (sandbox) journal: a training backup was restored in the live journal&apos;s place. Loket does not start, so that training transactions are not counted as real money.</translation>
    </message>
    <message>
        <source>File jurnal latihan (di folder sandbox) ini adalah jurnal live: cadangan live dipulihkan ke folder sandbox. Loket tidak dimulai agar latihan tidak ditulis ke riwayat transaksi sungguhan.</source>
        <translation>This training journal file (in the sandbox folder) is a live journal: a live backup was restored into the sandbox folder. Loket does not start, so that training is not written into the real transaction history.</translation>
    </message>
    <message>
        <source>Hubungi helpdesk. Helpdesk: kembalikan jurnal yang disalin ke samping sebelum pemulihan, lalu pulihkan lagi: cadangan bernama loket-jurnal-...-sandbox-... masuk ke folder sandbox, yang lain ke folder profil. Jangan menghapus file apa pun.</source>
        <translation>Call the helpdesk. Helpdesk: put back the journal copied aside before the restore, then restore again: a backup named loket-jurnal-...-sandbox-... goes into the sandbox folder, any other into the profile folder. Do not delete any file.</translation>
    </message>
    <message>
        <source>Kode pemulihan salah. Periksa lagi kode di kertas pemilik.</source>
        <translation>Wrong recovery code. Check the code on the owner&apos;s paper again.</translation>
    </message>
    <message>
        <source>Kode pemulihan ini sudah dipakai. Satu kode hanya berlaku sekali.</source>
        <translation>This recovery code has already been used. A code works only once.</translation>
    </message>
    <message>
        <source>Kode pemulihan ini sudah diganti dengan kode yang lebih baru.</source>
        <translation>This recovery code was replaced by a newer one.</translation>
    </message>
    <message>
        <source>Loket ini belum punya kode pemulihan. PIN supervisor yang lupa hanya dapat diganti dengan PIN supervisor lain.</source>
        <translation>This Loket has no recovery code yet. A forgotten supervisor PIN can only be replaced with another supervisor&apos;s PIN.</translation>
    </message>
    <message>
        <source>Kode pemulihan: 20 huruf dan angka (empat kelompok lima), seperti tertulis di kertas.</source>
        <translation>Recovery code: 20 letters and digits (four groups of five), as written on the paper.</translation>
    </message>
    <message>
        <source>Penyimpanan rahasia komputer ini (Windows Credential Manager) tidak dapat dibuka, sehingga PIN tidak dapat diperiksa atau disimpan sekarang. Coba lagi; bila tetap, hubungi helpdesk.</source>
        <translation>This computer&apos;s secret store (Windows Credential Manager) could not be opened, so the PIN cannot be checked or saved now. Try again; if it persists, contact the helpdesk.</translation>
    </message>
</context>
<context>
    <name>event_words</name>
    <message>
        <source>Dikirim ke bank</source>
        <translation>Sent to the bank</translation>
    </message>
    <message>
        <source>Berhasil, dengan biaya admin bank yang berbeda dari konfirmasi</source>
        <translation>Successful, with a bank admin fee other than the one confirmed</translation>
    </message>
    <message>
        <source>Berhasil, dikonfirmasi bank</source>
        <translation>Successful, confirmed by the bank</translation>
    </message>
    <message>
        <source>Bank tidak menjawab dalam batas waktu</source>
        <translation>The bank did not answer in time</translation>
    </message>
    <message>
        <source>Jawaban bank tidak diterima (koneksi terputus)</source>
        <translation>No answer from the bank (connection lost)</translation>
    </message>
    <message>
        <source>Jawaban bank tidak cocok dengan transaksi ini</source>
        <translation>The bank&apos;s answer does not match this transaction</translation>
    </message>
    <message>
        <source>Jawaban bank diterima, tetapi gagal dicatat</source>
        <translation>The bank&apos;s answer arrived but could not be recorded</translation>
    </message>
    <message>
        <source>Tidak terkirim: aplikasi berhenti sebelum mengirim</source>
        <translation>Not sent: Loket stopped before sending</translation>
    </message>
    <message>
        <source>Tidak terkirim; diganti transaksi baru</source>
        <translation>Not sent; replaced by a new transaction</translation>
    </message>
    <message>
        <source>Tidak terkirim (tidak tersambung ke bank)</source>
        <translation>Not sent (could not reach the bank)</translation>
    </message>
    <message>
        <source>Ditolak bank</source>
        <translation>Refused by the bank</translation>
    </message>
    <message>
        <source>Nomor referensi sudah dipakai di bank</source>
        <translation>Reference number already used at the bank</translation>
    </message>
    <message>
        <source>Gangguan aplikasi saat mengirim</source>
        <translation>Loket failed while sending</translation>
    </message>
    <message>
        <source>Terputus: aplikasi tertutup saat mengirim</source>
        <translation>Interrupted: Loket closed while sending</translation>
    </message>
    <message>
        <source>Dibatalkan dengan reversal</source>
        <translation>Cancelled by a reversal</translation>
    </message>
    <message>
        <source>Dibatalkan sebelum terkirim</source>
        <translation>Cancelled before it was sent</translation>
    </message>
    <message>
        <source>Cek status: dana keluar lalu dikembalikan bank</source>
        <translation>Status check: money left, then the bank returned it</translation>
    </message>
    <message>
        <source>Cek status: berhasil di bank</source>
        <translation>Status check: successful at the bank</translation>
    </message>
    <message>
        <source>Cek status: tidak diproses bank</source>
        <translation>Status check: not processed by the bank</translation>
    </message>
    <message>
        <source>Dicatat BERHASIL: {evidence}</source>
        <translation>Recorded SUCCESSFUL: {evidence}</translation>
    </message>
    <message>
        <source>Dicatat GAGAL: {evidence}</source>
        <translation>Recorded FAILED: {evidence}</translation>
    </message>
    <message>
        <source>Belum terkirim</source>
        <translation>Not sent yet</translation>
    </message>
    <message>
        <source>Berhasil</source>
        <translation>Successful</translation>
    </message>
    <message>
        <source>Gagal</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>Status belum pasti</source>
        <translation>Status not certain</translation>
    </message>
</context>
<context>
    <name>groups</name>
    <message>
        <source>Beranda</source>
        <translation>Home</translation>
    </message>
    <message>
        <source>Perbankan</source>
        <translation>Banking</translation>
    </message>
    <message>
        <source>Tagihan</source>
        <translation>Bills</translation>
    </message>
    <message>
        <source>Pembelian</source>
        <translation>Purchases</translation>
    </message>
    <message>
        <source>Riwayat</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Laporan</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>Pengaturan</source>
        <translation>Settings</translation>
    </message>
</context>
<context>
    <name>history_details</name>
    <message>
        <source>(belum ada jawaban host)</source>
        <translation>(no host answer yet)</translation>
    </message>
</context>
<context>
    <name>home</name>
    <message>
        <source>Transaksi Laku Pandai</source>
        <translation>Branchless banking</translation>
    </message>
    <message>
        <source>Pembayaran tagihan</source>
        <translation>Bill payments</translation>
    </message>
    <message>
        <source>Pembelian</source>
        <translation>Purchases</translation>
    </message>
    <message>
        <source>Pertumbuhan agen</source>
        <translation>Agent growth</translation>
    </message>
    <message>
        <source>Sebaran agen per provinsi</source>
        <translation>Agents per province</translation>
    </message>
    <message>
        <source>Januari</source>
        <translation>January</translation>
    </message>
    <message>
        <source>Februari</source>
        <translation>February</translation>
    </message>
    <message>
        <source>Maret</source>
        <translation>March</translation>
    </message>
    <message>
        <source>April</source>
        <translation>April</translation>
    </message>
    <message>
        <source>Mei</source>
        <translation>May</translation>
    </message>
    <message>
        <source>Juni</source>
        <translation>June</translation>
    </message>
    <message>
        <source>Juli</source>
        <translation>July</translation>
    </message>
    <message>
        <source>Agustus</source>
        <translation>August</translation>
    </message>
    <message>
        <source>September</source>
        <translation>September</translation>
    </message>
    <message>
        <source>Oktober</source>
        <translation>October</translation>
    </message>
    <message>
        <source>November</source>
        <translation>November</translation>
    </message>
    <message>
        <source>Desember</source>
        <translation>December</translation>
    </message>
    <message>
        <source>Cek Saldo Nasabah</source>
        <translation>Customer Balance</translation>
    </message>
    <message>
        <source>Pascabayar Seluler</source>
        <translation>Mobile Postpaid</translation>
    </message>
    <message>
        <source>Tiket Kereta</source>
        <translation>Train Tickets</translation>
    </message>
    <message>
        <source>Kereta Bandara</source>
        <translation>Airport Train</translation>
    </message>
</context>
<context>
    <name>host_settings</name>
    <message>
        <source>Sandbox — latihan, bank simulasi di komputer ini</source>
        <translation>Sandbox — training, a simulated bank on this computer</translation>
    </message>
    <message>
        <source>Live — bank sungguhan, uang sungguhan</source>
        <translation>Live — the real bank, real money</translation>
    </message>
    <message>
        <source>Perubahan berlaku setelah Loket ditutup dan dibuka ulang.</source>
        <translation>Changes apply after Loket is closed and opened again.</translation>
    </message>
    <message>
        <source>tersimpan</source>
        <translation>stored</translation>
    </message>
    <message>
        <source>belum diisi</source>
        <translation>not set</translation>
    </message>
    <message>
        <source>Bank+ (agen, setor, transfer)</source>
        <translation>Bank+ (agent, deposits, transfers)</translation>
    </message>
    <message>
        <source>Alamat host (base URL)</source>
        <translation>Host address (base URL)</translation>
    </message>
    <message>
        <source>BNI Keagenan (tagihan dan pembelian)</source>
        <translation>BNI Keagenan (bills and purchases)</translation>
    </message>
    <message>
        <source>Kode agen</source>
        <translation>Agent code</translation>
    </message>
    <message>
        <source>Rekening agen</source>
        <translation>Agent account</translation>
    </message>
    <message>
        <source>Path token</source>
        <translation>Token path</translation>
    </message>
    <message>
        <source>Bank+ Switcher (transfer antar bank)</source>
        <translation>Bank+ Switcher (interbank transfers)</translation>
    </message>
    <message>
        <source>Kode bank sumber</source>
        <translation>Source bank code</translation>
    </message>
    <message>
        <source>Rekening sumber</source>
        <translation>Source account</translation>
    </message>
    <message>
        <source>Kantor mitra (salinan jurnal)</source>
        <translation>Partner office (journal copy)</translation>
    </message>
    <message>
        <source>Alamat database kantor</source>
        <translation>Office database address</translation>
    </message>
    <message>
        <source>ID loket ini</source>
        <translation>This counter&apos;s ID</translation>
    </message>
    <message>
        <source>Nama login</source>
        <translation>Login name</translation>
    </message>
    <message>
        <source>Berkas sertifikat kantor</source>
        <translation>Office certificate file</translation>
    </message>
    <message>
        <source>Password login</source>
        <translation>Login password</translation>
    </message>
    <message>
        <source>Berkas sertifikat CA host</source>
        <translation>Host CA certificate file</translation>
    </message>
    <message>
        <source>Jalur privat tanpa TLS: alamat ini memakai http:// ke jaringan privat bank (VPN/leased line).</source>
        <translation>Private line without TLS: this address uses http:// to the bank&apos;s private network (VPN/leased line).</translation>
    </message>
    <message>
        <source>fiturId khusus bank</source>
        <translation>Bank-specific fiturId</translation>
    </message>
    <message>
        <source>Telepon call center</source>
        <translation>Call center phone</translation>
    </message>
    <message>
        <source>Jurnal loket ini disalin ke database kantor mitra. Isi sesuai data dari operator kantor; alamat kosong = tidak disalin. Koneksinya selalu terenkripsi (TLS) dan memeriksa sertifikat kantor. Di mode sandbox, transaksi latihan tidak dikirim ke kantor (hanya ke database di komputer ini, untuk uji coba).</source>
        <translation>This counter&apos;s journal is copied to the partner office&apos;s database. Fill it in from what the office&apos;s operator sent; an empty address = not copied. The connection is always encrypted (TLS) and checks the office&apos;s certificate. In sandbox mode, training transactions are not sent to the office (only to a database on this computer, for testing).</translation>
    </message>
    <message>
        <source>contoh: kantor.mitra.co.id:5432/loket</source>
        <translation>e.g. kantor.mitra.co.id:5432/loket</translation>
    </message>
    <message>
        <source>contoh: K001</source>
        <translation>e.g. K001</translation>
    </message>
    <message>
        <source>kosong = sesuai ID loket</source>
        <translation>empty = from the counter ID</translation>
    </message>
    <message>
        <source>kosong = sertifikat sistem</source>
        <translation>empty = system certificates</translation>
    </message>
    <message>
        <source>Pilih…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Sertifikat (*.pem *.crt *.cer);;Semua berkas (*)</source>
        <translation>Certificates (*.pem *.crt *.cer);;All files (*)</translation>
    </message>
</context>
<context>
    <name>journal_table</name>
    <message>
        <source>Waktu (WIB)</source>
        <translation>Time (WIB)</translation>
    </message>
    <message>
        <source>No. referensi</source>
        <translation>Reference no.</translation>
    </message>
    <message>
        <source>Produk</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Pelanggan</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Nominal</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Biaya</source>
        <translation>Fee</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>BELUM TERKIRIM</source>
        <translation>NOT SENT</translation>
    </message>
    <message>
        <source>TERKIRIM</source>
        <translation>SENT</translation>
    </message>
    <message>
        <source>BERHASIL</source>
        <translation>SUCCESSFUL</translation>
    </message>
    <message>
        <source>GAGAL</source>
        <translation>FAILED</translation>
    </message>
    <message>
        <source>BELUM PASTI</source>
        <translation>UNKNOWN</translation>
    </message>
    <message>
        <source>DIBATALKAN</source>
        <translation>CANCELLED</translation>
    </message>
    <message>
        <source>GAGAL (REFUND)</source>
        <translation>REFUNDED</translation>
    </message>
    <message>
        <source>Reversal {reference}: {reason}</source>
        <translation>Reversal {reference}: {reason}</translation>
    </message>
    <message>
        <source>Reversal {reference}</source>
        <translation>Reversal {reference}</translation>
    </message>
    <message>
        <source>Sebelum dipastikan: {value}</source>
        <translation>Before it was confirmed: {value}</translation>
    </message>
    <message>
        <source>Dari</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Menjadi</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Oleh</source>
        <translation>By</translation>
    </message>
    <message>
        <source>Alasan</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>keyboard</name>
    <message>
        <source>Kotak ini masih kosong. Ketik di sini dulu, lalu Enter.</source>
        <translation>This box is still empty. Type here first, then press Enter.</translation>
    </message>
    <message>
        <source>Ketikan tidak masuk: ini pilihan, bukan kotak isian. Pilih dengan tombol panah, lalu Enter untuk lanjut.</source>
        <translation>Not typed: this is a choice, not a box to type in. Choose with the arrow keys, then press Enter to go on.</translation>
    </message>
    <message>
        <source>Ketikan tidak masuk: ini kotak centang, bukan kotak isian. Spasi mencentangnya, Tab untuk lanjut.</source>
        <translation>Not typed: this is a tick box, not a box to type in. Space ticks it, Tab goes on.</translation>
    </message>
    <message>
        <source>Ketikan tidak masuk: ini tombol, bukan kotak isian. Enter menekannya, Tab untuk lanjut.</source>
        <translation>Not typed: this is a button, not a box to type in. Enter presses it, Tab goes on.</translation>
    </message>
    <message>
        <source>Ketikan tidak masuk: berkas sudah dipilih di sini. Enter untuk lanjut.</source>
        <translation>Not typed: the file is already chosen here. Press Enter to go on.</translation>
    </message>
    <message>
        <source>Ketikan tidak masuk: ini daftar pilihan, bukan kotak isian. Pilih dengan tombol panah, lalu Enter untuk lanjut.</source>
        <translation>Not typed: this is a list of choices, not a box to type in. Choose with the arrow keys, then press Enter to go on.</translation>
    </message>
</context>
<context>
    <name>keys</name>
    <message>
        <source>DOKU (BNI Virtual Account)</source>
        <translation>DOKU (BNI Virtual Account)</translation>
    </message>
    <message>
        <source>BCA</source>
        <translation>BCA</translation>
    </message>
    <message>
        <source>Kunci privat PEM (*.pem *.key);;Semua berkas (*)</source>
        <translation>PEM private key (*.pem *.key);;All files (*)</translation>
    </message>
    <message>
        <source>Kunci ini dipakai setelah Loket dibuka ulang.</source>
        <translation>This key is used after Loket is opened again.</translation>
    </message>
    <message>
        <source>Berkas ini terlalu besar untuk sebuah kunci privat. Pilih berkas .pem.</source>
        <translation>This file is too large for a private key. Choose a .pem file.</translation>
    </message>
</context>
<context>
    <name>login</name>
    <message>
        <source>Mode latihan: transaksi dikirim ke bank simulasi, bukan bank sungguhan.</source>
        <translation>Training mode: transactions go to a simulated bank, not a real one.</translation>
    </message>
</context>
<context>
    <name>months</name>
    <message>
        <source>Jan</source>
        <translation>Jan</translation>
    </message>
    <message>
        <source>Feb</source>
        <translation>Feb</translation>
    </message>
    <message>
        <source>Mar</source>
        <translation>Mar</translation>
    </message>
    <message>
        <source>Apr</source>
        <translation>Apr</translation>
    </message>
    <message>
        <source>Mei</source>
        <translation>May</translation>
    </message>
    <message>
        <source>Jun</source>
        <translation>Jun</translation>
    </message>
    <message>
        <source>Jul</source>
        <translation>Jul</translation>
    </message>
    <message>
        <source>Agu</source>
        <translation>Aug</translation>
    </message>
    <message>
        <source>Sep</source>
        <translation>Sep</translation>
    </message>
    <message>
        <source>Okt</source>
        <translation>Oct</translation>
    </message>
    <message>
        <source>Nov</source>
        <translation>Nov</translation>
    </message>
    <message>
        <source>Des</source>
        <translation>Dec</translation>
    </message>
</context>
<context>
    <name>movements</name>
    <message>
        <source>Setor ke Bank</source>
        <translation>Deposit to bank</translation>
    </message>
    <message>
        <source>Tambah Kas (Pay-in)</source>
        <translation>Add cash (pay-in)</translation>
    </message>
    <message>
        <source>Pengeluaran Kas (Pay-out)</source>
        <translation>Expense (pay-out)</translation>
    </message>
    <message>
        <source>Cash Drop ke Brankas</source>
        <translation>Cash drop to safe</translation>
    </message>
    <message>
        <source>Koreksi Kas</source>
        <translation>Cash correction</translation>
    </message>
</context>
<context>
    <name>open_account</name>
    <message>
        <source>Gambar (*.jpg *.jpeg *.png *.bmp)</source>
        <translation>Images (*.jpg *.jpeg *.png *.bmp)</translation>
    </message>
    <message>
        <source>Kota</source>
        <translation>City</translation>
    </message>
    <message>
        <source>Kabupaten</source>
        <translation>Regency</translation>
    </message>
    <message>
        <source>Isi provinsi sampai kelurahan, lalu tekan Cari kode pos.</source>
        <translation>Fill in the province down to the village, then press Find postcode.</translation>
    </message>
    <message>
        <source>Kode pos tidak ditemukan untuk wilayah ini. Periksa ejaan provinsi, kota/kabupaten, kecamatan dan kelurahan, atau ketik kode pos sendiri.</source>
        <translation>No postcode found for this area. Check the spelling of the province, city/regency, district and village, or type the postcode yourself.</translation>
    </message>
    <message>
        <source>{label}: berkas ini bukan gambar yang bisa dibuka. Pilih foto JPG atau PNG.</source>
        <translation>{label}: this file is not an image that can be opened. Choose a JPG or PNG photo.</translation>
    </message>
    <message>
        <source>Lajang</source>
        <translation>Single</translation>
    </message>
    <message>
        <source>Menikah</source>
        <translation>Married</translation>
    </message>
    <message>
        <source>Cerai Hidup</source>
        <translation>Divorced</translation>
    </message>
    <message>
        <source>Cerai Mati</source>
        <translation>Widowed</translation>
    </message>
    <message>
        <source>Laki-laki</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>Perempuan</source>
        <translation>Female</translation>
    </message>
    <message>
        <source>1. Data diri</source>
        <translation>1. Personal details</translation>
    </message>
    <message>
        <source>Nama lengkap</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Nama lengkap sesuai KTP</source>
        <translation>Full name as on the KTP</translation>
    </message>
    <message>
        <source>NIK (nomor KTP)</source>
        <translation>NIK (KTP number)</translation>
    </message>
    <message>
        <source>16 digit</source>
        <translation>16 digits</translation>
    </message>
    <message>
        <source>16 digit angka, tertera di KTP.</source>
        <translation>16 digits, printed on the KTP.</translation>
    </message>
    <message>
        <source>Tempat lahir</source>
        <translation>Place of birth</translation>
    </message>
    <message>
        <source>contoh: Surabaya</source>
        <translation>e.g. Surabaya</translation>
    </message>
    <message>
        <source>Tanggal lahir</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Klik panah untuk kalender.</source>
        <translation>Click the arrow for a calendar.</translation>
    </message>
    <message>
        <source>Jenis kelamin</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>Status pernikahan</source>
        <translation>Marital status</translation>
    </message>
    <message>
        <source>Pilih status</source>
        <translation>Choose status</translation>
    </message>
    <message>
        <source>Nama ibu kandung</source>
        <translation>Mother&apos;s maiden name</translation>
    </message>
    <message>
        <source>Nama gadis ibu kandung</source>
        <translation>Mother&apos;s maiden name</translation>
    </message>
    <message>
        <source>Dipakai bank untuk verifikasi; tanyakan langsung kepada nasabah.</source>
        <translation>Used by the bank for verification; ask the customer directly.</translation>
    </message>
    <message>
        <source>2. Kontak</source>
        <translation>2. Contact</translation>
    </message>
    <message>
        <source>Nomor HP</source>
        <translation>Mobile number</translation>
    </message>
    <message>
        <source>Telepon rumah (boleh kosong)</source>
        <translation>Home phone (optional)</translation>
    </message>
    <message>
        <source>contoh: 0319909221</source>
        <translation>e.g. 0319909221</translation>
    </message>
    <message>
        <source>Kosong: nomor HP yang dipakai.</source>
        <translation>Empty: the mobile number is used.</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>nama@email.com</source>
        <translation>name@email.com</translation>
    </message>
    <message>
        <source>3. Alamat sesuai KTP</source>
        <translation>3. Address as on the KTP</translation>
    </message>
    <message>
        <source>Alamat</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Nama jalan, nomor rumah, blok</source>
        <translation>Street, house number, block</translation>
    </message>
    <message>
        <source>contoh: 022</source>
        <translation>e.g. 022</translation>
    </message>
    <message>
        <source>contoh: 001</source>
        <translation>e.g. 001</translation>
    </message>
    <message>
        <source>Provinsi</source>
        <translation>Province</translation>
    </message>
    <message>
        <source>contoh: Jawa Timur</source>
        <translation>e.g. Jawa Timur</translation>
    </message>
    <message>
        <source>Kota atau kabupaten</source>
        <translation>City or regency</translation>
    </message>
    <message>
        <source>Kota / Kabupaten</source>
        <translation>City / Regency</translation>
    </message>
    <message>
        <source>Nama kota/kabupaten</source>
        <translation>City/regency name</translation>
    </message>
    <message>
        <source>contoh: Sidoarjo</source>
        <translation>e.g. Sidoarjo</translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation>District</translation>
    </message>
    <message>
        <source>contoh: Waru</source>
        <translation>e.g. Waru</translation>
    </message>
    <message>
        <source>Kelurahan/desa</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>Kode pos</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <source>5 digit</source>
        <translation>5 digits</translation>
    </message>
    <message>
        <source>4. Pekerjaan &amp; keuangan</source>
        <translation>4. Work &amp; finances</translation>
    </message>
    <message>
        <source>Pekerjaan</source>
        <translation>Occupation</translation>
    </message>
    <message>
        <source>Pilih pekerjaan</source>
        <translation>Choose occupation</translation>
    </message>
    <message>
        <source>Pendidikan terakhir</source>
        <translation>Highest education</translation>
    </message>
    <message>
        <source>Pilih pendidikan</source>
        <translation>Choose education</translation>
    </message>
    <message>
        <source>Penghasilan per bulan</source>
        <translation>Monthly income</translation>
    </message>
    <message>
        <source>Pilih rentang penghasilan</source>
        <translation>Choose income range</translation>
    </message>
    <message>
        <source>Perkiraan transaksi per bulan</source>
        <translation>Expected transactions per month</translation>
    </message>
    <message>
        <source>Pilih perkiraan</source>
        <translation>Choose estimate</translation>
    </message>
    <message>
        <source>5. Dokumen</source>
        <translation>5. Documents</translation>
    </message>
    <message>
        <source>Foto KTP</source>
        <translation>KTP photo</translation>
    </message>
    <message>
        <source>Foto nasabah</source>
        <translation>Customer photo</translation>
    </message>
    <message>
        <source>Foto KTP asli dan foto wajah nasabah (JPG atau PNG). Pastikan tulisan di KTP terbaca jelas.</source>
        <translation>Photo of the original KTP and of the customer&apos;s face (JPG or PNG). Make sure the KTP text is clearly readable.</translation>
    </message>
    <message>
        <source>6. Setoran awal</source>
        <translation>6. Opening deposit</translation>
    </message>
    <message>
        <source>Setoran awal (Rp)</source>
        <translation>Opening deposit (Rp)</translation>
    </message>
</context>
<context>
    <name>printer_settings</name>
    <message>
        <source>Tanpa printer — simpan PDF</source>
        <translation>No printer — save as PDF</translation>
    </message>
    <message>
        <source>Printer jaringan (LAN / Wi-Fi)</source>
        <translation>Network printer (LAN / Wi-Fi)</translation>
    </message>
    <message>
        <source>Printer USB</source>
        <translation>USB printer</translation>
    </message>
    <message>
        <source>Printer serial (COM)</source>
        <translation>Serial printer (COM)</translation>
    </message>
    <message>
        <source>Printer Windows (antrean cetak)</source>
        <translation>Windows printer (print queue)</translation>
    </message>
    <message>
        <source>Gambar (*.png *.jpg *.jpeg *.bmp);;Semua berkas (*)</source>
        <translation>Images (*.png *.jpg *.jpeg *.bmp);;All files (*)</translation>
    </message>
</context>
<context>
    <name>products</name>
    <message>
        <source>Setor Tunai</source>
        <translation>Cash Deposit</translation>
    </message>
    <message>
        <source>Buka Rekening</source>
        <translation>Open Account</translation>
    </message>
    <message>
        <source>Cek Saldo Nasabah</source>
        <translation>Customer Balance</translation>
    </message>
    <message>
        <source>Transfer Sesama Bank</source>
        <translation>Same-Bank Transfer</translation>
    </message>
    <message>
        <source>Transfer Antar Bank</source>
        <translation>Interbank Transfer</translation>
    </message>
    <message>
        <source>Transfer Switching</source>
        <translation>Switcher Transfer</translation>
    </message>
    <message>
        <source>Pembatalan Transfer Switching</source>
        <translation>Switcher Transfer Cancellation</translation>
    </message>
    <message>
        <source>Virtual Account DOKU</source>
        <translation>DOKU Virtual Account</translation>
    </message>
    <message>
        <source>BCA: Transfer</source>
        <translation>BCA: Transfer</translation>
    </message>
    <message>
        <source>BCA: Transfer Antar Bank</source>
        <translation>BCA: Interbank Transfer</translation>
    </message>
    <message>
        <source>PLN Pascabayar (Tagihan Listrik)</source>
        <translation>PLN Postpaid (Electricity Bill)</translation>
    </message>
    <message>
        <source>PLN Non-Taglis (Pasang Baru/Tambah Daya)</source>
        <translation>PLN Non-Taglis (New Connection/Power Upgrade)</translation>
    </message>
    <message>
        <source>BPJS Kesehatan</source>
        <translation>BPJS Kesehatan</translation>
    </message>
    <message>
        <source>BPJS Ketenagakerjaan (BPU/TKI)</source>
        <translation>BPJS Ketenagakerjaan (BPU/TKI)</translation>
    </message>
    <message>
        <source>PDAM (Air Minum)</source>
        <translation>PDAM (Water Utility)</translation>
    </message>
    <message>
        <source>Telkom (Telepon Rumah)</source>
        <translation>Telkom (Home Phone)</translation>
    </message>
    <message>
        <source>Internet Telkom (IndiHome/Speedy)</source>
        <translation>Telkom Internet (IndiHome/Speedy)</translation>
    </message>
    <message>
        <source>Ponsel Pascabayar</source>
        <translation>Mobile Postpaid</translation>
    </message>
    <message>
        <source>TV Berlangganan Indovision</source>
        <translation>Indovision Pay TV</translation>
    </message>
    <message>
        <source>TV Berlangganan First Media</source>
        <translation>First Media Pay TV</translation>
    </message>
    <message>
        <source>Adira Finance</source>
        <translation>Adira Finance</translation>
    </message>
    <message>
        <source>FIF (Federal International Finance)</source>
        <translation>FIF (Federal International Finance)</translation>
    </message>
    <message>
        <source>OTO Kredit</source>
        <translation>OTO Kredit</translation>
    </message>
    <message>
        <source>SMS Finance</source>
        <translation>SMS Finance</translation>
    </message>
    <message>
        <source>NSC Finance</source>
        <translation>NSC Finance</translation>
    </message>
    <message>
        <source>KreditPlus (Finansia)</source>
        <translation>KreditPlus (Finansia)</translation>
    </message>
    <message>
        <source>ACC (Astra Credit Companies)</source>
        <translation>ACC (Astra Credit Companies)</translation>
    </message>
    <message>
        <source>Asuransi BNI Life</source>
        <translation>BNI Life Insurance</translation>
    </message>
    <message>
        <source>Prudential - Premi Pertama</source>
        <translation>Prudential - First Premium</translation>
    </message>
    <message>
        <source>Prudential - Premi Lanjutan</source>
        <translation>Prudential - Renewal Premium</translation>
    </message>
    <message>
        <source>Prudential - Top Up Premi</source>
        <translation>Prudential - Premium Top-up</translation>
    </message>
    <message>
        <source>Prudential - Cetak Ulang Polis</source>
        <translation>Prudential - Policy Reprint</translation>
    </message>
    <message>
        <source>Prudential - Perubahan Polis</source>
        <translation>Prudential - Policy Change</translation>
    </message>
    <message>
        <source>Prudential - Cetak Kartu</source>
        <translation>Prudential - Card Printing</translation>
    </message>
    <message>
        <source>Asuransi Bumiputera</source>
        <translation>Bumiputera Insurance</translation>
    </message>
    <message>
        <source>Kartu Kredit BNI</source>
        <translation>BNI Credit Card</translation>
    </message>
    <message>
        <source>Kartu Kredit Bank Lain</source>
        <translation>Other Bank Credit Card</translation>
    </message>
    <message>
        <source>Pinjaman Pribadi (KTA)</source>
        <translation>Personal Loan (KTA)</translation>
    </message>
    <message>
        <source>Zakat, Infaq, Qurban, Wakaf</source>
        <translation>Zakat, Infaq, Qurban, Wakaf</translation>
    </message>
    <message>
        <source>Tiket Pesawat</source>
        <translation>Flight Ticket</translation>
    </message>
    <message>
        <source>Tiket Kereta Api (KAI)</source>
        <translation>Train Ticket (KAI)</translation>
    </message>
</context>
<context>
    <name>receipt</name>
    <message>
        <source>Angsuran</source>
        <translation>Instalment</translation>
    </message>
    <message>
        <source>Angsuran ke</source>
        <translation>Instalment no.</translation>
    </message>
    <message>
        <source>Bank</source>
        <translation>Bank</translation>
    </message>
    <message>
        <source>Bank penerbit</source>
        <translation>Issuing bank</translation>
    </message>
    <message>
        <source>Berangkat</source>
        <translation>Departure</translation>
    </message>
    <message>
        <source>Berlaku s.d.</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <source>Biaya keterlambatan</source>
        <translation>Late fee</translation>
    </message>
    <message>
        <source>Bl/Th</source>
        <translation>Month/Year</translation>
    </message>
    <message>
        <source>Bukti bayar</source>
        <translation>Payment proof</translation>
    </message>
    <message>
        <source>Cabang</source>
        <translation>Branch</translation>
    </message>
    <message>
        <source>Dari</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Denda</source>
        <translation>Penalty</translation>
    </message>
    <message>
        <source>Frekuensi</source>
        <translation>Frequency</translation>
    </message>
    <message>
        <source>ID pelanggan</source>
        <translation>Customer ID</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>Jam</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Jatuh tempo</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Jenis kepesertaan</source>
        <translation>Membership type</translation>
    </message>
    <message>
        <source>Jenis pembayaran</source>
        <translation>Payment type</translation>
    </message>
    <message>
        <source>JHT</source>
        <translation>JHT (old-age savings)</translation>
    </message>
    <message>
        <source>JKK</source>
        <translation>JKK (work accident)</translation>
    </message>
    <message>
        <source>JKM</source>
        <translation>JKM (death benefit)</translation>
    </message>
    <message>
        <source>Jumlah bulan</source>
        <translation>Number of months</translation>
    </message>
    <message>
        <source>Jumlah bulan dibayar</source>
        <translation>Months paid</translation>
    </message>
    <message>
        <source>Jumlah penerbangan</source>
        <translation>Number of flights</translation>
    </message>
    <message>
        <source>Jumlah peserta</source>
        <translation>Number of members</translation>
    </message>
    <message>
        <source>Jumlah tagihan</source>
        <translation>Number of bills</translation>
    </message>
    <message>
        <source>Ke</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Kelas</source>
        <translation>Class</translation>
    </message>
    <message>
        <source>Kereta</source>
        <translation>Train</translation>
    </message>
    <message>
        <source>Kode area</source>
        <translation>Area code</translation>
    </message>
    <message>
        <source>Kode bayar</source>
        <translation>Payment code</translation>
    </message>
    <message>
        <source>Kode bayar / booking</source>
        <translation>Payment / booking code</translation>
    </message>
    <message>
        <source>Kode booking</source>
        <translation>Booking code</translation>
    </message>
    <message>
        <source>Kode iuran</source>
        <translation>Contribution code</translation>
    </message>
    <message>
        <source>Kode PNR</source>
        <translation>PNR code</translation>
    </message>
    <message>
        <source>Kursi</source>
        <translation>Seat</translation>
    </message>
    <message>
        <source>Lain-lain</source>
        <translation>Other charges</translation>
    </message>
    <message>
        <source>Lembaga</source>
        <translation>Institution</translation>
    </message>
    <message>
        <source>Lembaga dan jenis</source>
        <translation>Institution and type</translation>
    </message>
    <message>
        <source>Maksimal</source>
        <translation>Maximum</translation>
    </message>
    <message>
        <source>Maskapai</source>
        <translation>Airline</translation>
    </message>
    <message>
        <source>Mata uang</source>
        <translation>Currency</translation>
    </message>
    <message>
        <source>Minimal</source>
        <translation>Minimum</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>No. HP</source>
        <translation>Mobile no.</translation>
    </message>
    <message>
        <source>No. kartu</source>
        <translation>Card no.</translation>
    </message>
    <message>
        <source>No. kontrak</source>
        <translation>Contract no.</translation>
    </message>
    <message>
        <source>No. pelanggan</source>
        <translation>Customer no.</translation>
    </message>
    <message>
        <source>No. peserta</source>
        <translation>Member no.</translation>
    </message>
    <message>
        <source>No. pinjaman</source>
        <translation>Loan no.</translation>
    </message>
    <message>
        <source>No. polis</source>
        <translation>Policy no.</translation>
    </message>
    <message>
        <source>No. polisi</source>
        <translation>Plate no.</translation>
    </message>
    <message>
        <source>No. registrasi</source>
        <translation>Registration no.</translation>
    </message>
    <message>
        <source>No. SPAJ</source>
        <translation>SPAJ no.</translation>
    </message>
    <message>
        <source>No. tagihan</source>
        <translation>Bill no.</translation>
    </message>
    <message>
        <source>No. telepon</source>
        <translation>Phone no.</translation>
    </message>
    <message>
        <source>No. VA</source>
        <translation>VA no.</translation>
    </message>
    <message>
        <source>Nominal bayar</source>
        <translation>Amount to pay</translation>
    </message>
    <message>
        <source>Nomor HP</source>
        <translation>Mobile number</translation>
    </message>
    <message>
        <source>Nomor kartu</source>
        <translation>Card number</translation>
    </message>
    <message>
        <source>Nomor kontrak</source>
        <translation>Contract number</translation>
    </message>
    <message>
        <source>Nomor pelanggan</source>
        <translation>Customer number</translation>
    </message>
    <message>
        <source>Nomor peserta / kode iuran</source>
        <translation>Member number / contribution code</translation>
    </message>
    <message>
        <source>Nomor pinjaman</source>
        <translation>Loan number</translation>
    </message>
    <message>
        <source>Nomor polis</source>
        <translation>Policy number</translation>
    </message>
    <message>
        <source>Nomor registrasi</source>
        <translation>Registration number</translation>
    </message>
    <message>
        <source>Nomor SPAJ / polis</source>
        <translation>SPAJ / policy number</translation>
    </message>
    <message>
        <source>Nomor SPAJ / tagihan</source>
        <translation>SPAJ / bill number</translation>
    </message>
    <message>
        <source>Nomor telepon</source>
        <translation>Phone number</translation>
    </message>
    <message>
        <source>Nomor VA / peserta</source>
        <translation>VA / member number</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>PDAM</source>
        <translation>PDAM</translation>
    </message>
    <message>
        <source>Pemakaian (m3)</source>
        <translation>Usage (m3)</translation>
    </message>
    <message>
        <source>Pembayaran minimum</source>
        <translation>Minimum payment</translation>
    </message>
    <message>
        <source>Pembiayaan</source>
        <translation>Financing</translation>
    </message>
    <message>
        <source>Penerbangan 1</source>
        <translation>Flight 1</translation>
    </message>
    <message>
        <source>Penerbangan 2</source>
        <translation>Flight 2</translation>
    </message>
    <message>
        <source>Penerbangan 3</source>
        <translation>Flight 3</translation>
    </message>
    <message>
        <source>Penumpang</source>
        <translation>Passenger</translation>
    </message>
    <message>
        <source>Periode</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Periode layanan</source>
        <translation>Service period</translation>
    </message>
    <message>
        <source>Periode premi</source>
        <translation>Premium period</translation>
    </message>
    <message>
        <source>Perusahaan air (PDAM)</source>
        <translation>Water company (PDAM)</translation>
    </message>
    <message>
        <source>PNR</source>
        <translation>PNR</translation>
    </message>
    <message>
        <source>Premi</source>
        <translation>Premium</translation>
    </message>
    <message>
        <source>Premi 1</source>
        <translation>Premium 1</translation>
    </message>
    <message>
        <source>Premi 2</source>
        <translation>Premium 2</translation>
    </message>
    <message>
        <source>Premi 3</source>
        <translation>Premium 3</translation>
    </message>
    <message>
        <source>Produk</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Produk 1</source>
        <translation>Product 1</translation>
    </message>
    <message>
        <source>Produk 2</source>
        <translation>Product 2</translation>
    </message>
    <message>
        <source>Produk 3</source>
        <translation>Product 3</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Programme</translation>
    </message>
    <message>
        <source>Ref.</source>
        <translation>Ref.</translation>
    </message>
    <message>
        <source>Ref. biller</source>
        <translation>Biller ref.</translation>
    </message>
    <message>
        <source>Ref. PLN</source>
        <translation>PLN ref.</translation>
    </message>
    <message>
        <source>Ref. tagihan</source>
        <translation>Bill ref.</translation>
    </message>
    <message>
        <source>Ref. tagihan 1</source>
        <translation>Bill ref. 1</translation>
    </message>
    <message>
        <source>Ref. tagihan 2</source>
        <translation>Bill ref. 2</translation>
    </message>
    <message>
        <source>Ref. tagihan 3</source>
        <translation>Bill ref. 3</translation>
    </message>
    <message>
        <source>Stand meter</source>
        <translation>Meter reading</translation>
    </message>
    <message>
        <source>Status polis</source>
        <translation>Policy status</translation>
    </message>
    <message>
        <source>Tagihan</source>
        <translation>Bill</translation>
    </message>
    <message>
        <source>Tagihan 1</source>
        <translation>Bill 1</translation>
    </message>
    <message>
        <source>Tagihan 2</source>
        <translation>Bill 2</translation>
    </message>
    <message>
        <source>Tagihan 3</source>
        <translation>Bill 3</translation>
    </message>
    <message>
        <source>Tagihan terakhir</source>
        <translation>Last bill</translation>
    </message>
    <message>
        <source>Tahun</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Tanggal cetak</source>
        <translation>Print date</translation>
    </message>
    <message>
        <source>Tarif/daya</source>
        <translation>Tariff/power</translation>
    </message>
    <message>
        <source>Tgl. registrasi</source>
        <translation>Registration date</translation>
    </message>
    <message>
        <source>Transaksi</source>
        <translation>Transaction</translation>
    </message>
    <message>
        <source>Bank Tujuan</source>
        <translation>Destination bank</translation>
    </message>
    <message>
        <source>Berita</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Berlaku sampai</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <source>Biaya loket (di luar total)</source>
        <translation>Counter fee (not in the total)</translation>
    </message>
    <message>
        <source>Cara bayar</source>
        <translation>How to pay</translation>
    </message>
    <message>
        <source>ID Transaksi</source>
        <translation>Transaction ID</translation>
    </message>
    <message>
        <source>Jenis VA</source>
        <translation>VA type</translation>
    </message>
    <message>
        <source>Jumlah Dikembalikan</source>
        <translation>Amount returned</translation>
    </message>
    <message>
        <source>Jumlah Setor</source>
        <translation>Deposit amount</translation>
    </message>
    <message>
        <source>Jurnal keuangan</source>
        <translation>Financial journal</translation>
    </message>
    <message>
        <source>Kode Bank</source>
        <translation>Bank code</translation>
    </message>
    <message>
        <source>Nama Nasabah</source>
        <translation>Customer name</translation>
    </message>
    <message>
        <source>Nama Penerima</source>
        <translation>Recipient name</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK (ID number)</translation>
    </message>
    <message>
        <source>No. Jurnal</source>
        <translation>Journal no.</translation>
    </message>
    <message>
        <source>No. Jurnal Asal</source>
        <translation>Original journal no.</translation>
    </message>
    <message>
        <source>No. Pelanggan</source>
        <translation>Customer no.</translation>
    </message>
    <message>
        <source>No. Ref. BCA</source>
        <translation>BCA ref. no.</translation>
    </message>
    <message>
        <source>No. Rek. Baru</source>
        <translation>New account no.</translation>
    </message>
    <message>
        <source>No. Rekening</source>
        <translation>Account no.</translation>
    </message>
    <message>
        <source>Ref. Asal</source>
        <translation>Original ref.</translation>
    </message>
    <message>
        <source>Rek. Tujuan</source>
        <translation>Destination account</translation>
    </message>
    <message>
        <source>Saldo</source>
        <translation>Balance</translation>
    </message>
    <message>
        <source>Status BCA</source>
        <translation>BCA status</translation>
    </message>
    <message>
        <source>Dana kembali</source>
        <translation>Money returned</translation>
    </message>
    <message>
        <source>Dilaporkan</source>
        <translation>Reported</translation>
    </message>
    <message>
        <source>Bayar tepat</source>
        <translation>Pay exactly</translation>
    </message>
    <message>
        <source>Bayar di</source>
        <translation>Pay at</translation>
    </message>
    <message>
        <source>Menu BNI</source>
        <translation>BNI menu</translation>
    </message>
    <message>
        <source>Dari bank lain</source>
        <translation>From another bank</translation>
    </message>
    <message>
        <source>Petunjuk</source>
        <translation>How to pay</translation>
    </message>
    <message>
        <source>Tertutup (nominal tetap)</source>
        <translation>Closed (fixed amount)</translation>
    </message>
    <message>
        <source>Terbuka (nominal bebas)</source>
        <translation>Open (any amount)</translation>
    </message>
    <message>
        <source>Bebas</source>
        <translation>Any</translation>
    </message>
    <message>
        <source>tidak disebut</source>
        <translation>not stated</translation>
    </message>
    <message>
        <source>ATM, m-banking, teller BNI</source>
        <translation>ATM, mobile banking, BNI teller</translation>
    </message>
    <message>
        <source>transfer ke nomor VA, bank BNI (009)</source>
        <translation>transfer to the VA number, bank BNI (009)</translation>
    </message>
    <message>
        <source>Bukan Penerima Upah (BPU)</source>
        <translation>Non-wage earner (BPU)</translation>
    </message>
    <message>
        <source>Tenaga Kerja Indonesia (TKI)</source>
        <translation>Indonesian migrant worker (TKI)</translation>
    </message>
    <message>
        <source>Premi pertama</source>
        <translation>First premium</translation>
    </message>
    <message>
        <source>Premi lanjutan</source>
        <translation>Renewal premium</translation>
    </message>
    <message>
        <source>Pinjaman polis</source>
        <translation>Policy loan</translation>
    </message>
    <message>
        <source>Top up premi</source>
        <translation>Premium top-up</translation>
    </message>
    <message>
        <source>Cetak ulang polis</source>
        <translation>Policy reprint</translation>
    </message>
    <message>
        <source>Biaya pemulihan polis</source>
        <translation>Policy reinstatement fee</translation>
    </message>
    <message>
        <source>contoh 021</source>
        <translation>for example 021</translation>
    </message>
    <message>
        <source>kosongkan untuk premi lanjutan dan cetak ulang polis</source>
        <translation>leave empty for a renewal premium or a policy reprint</translation>
    </message>
</context>
<context>
    <name>report</name>
    <message>
        <source>Gagal</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>Belum pasti</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <source>Belum terkirim</source>
        <translation>Not sent</translation>
    </message>
    <message>
        <source>Menunggu jawaban</source>
        <translation>Awaiting answer</translation>
    </message>
    <message>
        <source>Dibatalkan</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Berhasil</source>
        <translation>Successful</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Kelompok / produk</source>
        <translation>Group / product</translation>
    </message>
    <message>
        <source>Jumlah trx</source>
        <translation>Transactions</translation>
    </message>
    <message>
        <source>Nominal</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Biaya admin</source>
        <translation>Admin fee</translation>
    </message>
    <message>
        <source>Biaya loket</source>
        <translation>Counter fee</translation>
    </message>
    <message>
        <source>Jam</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>No. referensi</source>
        <translation>Reference no.</translation>
    </message>
    <message>
        <source>Produk</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Pelanggan</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Laci kas</source>
        <translation>Cash drawer</translation>
    </message>
    <message>
        <source>Alasan</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Petugas</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>No. slip</source>
        <translation>Slip no.</translation>
    </message>
    <message>
        <source>Laporan</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>Hari kerja</source>
        <translation>Working day</translation>
    </message>
    <message>
        <source>Berlaku</source>
        <translation>Valid</translation>
    </message>
    <message>
        <source>Dibuka kembali</source>
        <translation>Reopened</translation>
    </message>
</context>
<context>
    <name>report_actions</name>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <source>ringkasan thermal</source>
        <translation>thermal summary</translation>
    </message>
</context>
<context>
    <name>reprint_words</name>
    <message>
        <source>Transaksi tetap BERHASIL, jangan diulang.</source>
        <translation>The transaction stays SUCCESSFUL, do not repeat it.</translation>
    </message>
    <message>
        <source>Status transaksi tetap BELUM PASTI: jangan diulang dan jangan kembalikan uang sebelum statusnya pasti.</source>
        <translation>The transaction&apos;s status is still UNKNOWN: do not repeat it and do not give money back until its status is certain.</translation>
    </message>
    <message>
        <source>Transaksi ini GAGAL; struk tidak mengubahnya.</source>
        <translation>This transaction FAILED; the receipt does not change that.</translation>
    </message>
    <message>
        <source>Struk cetak ulang sudah tercetak.</source>
        <translation>The reprinted receipt has been printed.</translation>
    </message>
    <message>
        <source>Struk sudah tercetak. Serahkan kepada nasabah.</source>
        <translation>Receipt printed. Hand it to the customer.</translation>
    </message>
    <message>
        <source>Struk cetak ulang tersimpan sebagai PDF {pdf_name} di folder struk (lihat Pengaturan &gt; Printer).</source>
        <translation>Reprinted receipt saved as PDF {pdf_name} in the receipts folder (see Settings &gt; Printer).</translation>
    </message>
    <message>
        <source>Struk tersimpan sebagai PDF {pdf_name} di folder struk (lihat Pengaturan &gt; Printer).</source>
        <translation>Receipt saved as PDF {pdf_name} in the receipts folder (see Settings &gt; Printer).</translation>
    </message>
    <message>
        <source>Struk cetak ulang gagal dicetak: {reason}</source>
        <translation>The reprint could not be printed: {reason}</translation>
    </message>
    <message>
        <source>Struk gagal dicetak: {reason}</source>
        <translation>Receipt could not be printed: {reason}</translation>
    </message>
    <message>
        <source>Struk disimpan sebagai PDF {pdf_name} di folder struk.</source>
        <translation>Receipt saved as PDF {pdf_name} in the receipts folder.</translation>
    </message>
</context>
<context>
    <name>resolution</name>
    <message>
        <source>Belum terkirim (koneksi gagal). Kirim ulang dengan nomor referensi yang sama, atau batalkan bila pelanggan tidak jadi.</source>
        <translation>Not sent (connection failed). Send it again with the same reference number, or cancel it if the customer has changed their mind.</translation>
    </message>
    <message>
        <source>Status belum pasti. Aplikasi menanyakan status ke host secara otomatis; tekan Cek status untuk menanyakan sekarang. Bila tetap belum pasti, telepon nomor di bawah. Jangan ulangi transaksi.</source>
        <translation>Status not certain yet. Loket asks the host automatically; press Check status to ask now. If it stays uncertain, call the number below. Do not repeat the transaction.</translation>
    </message>
    <message>
        <source>Host menjawab cek status, tetapi jawabannya tidak memastikan status transaksi (di bawah). Telepon nomor di bawah, tanyakan statusnya, lalu tekan Selesaikan dan catat jawabannya. Jangan ulangi transaksi.</source>
        <translation>The host answered the status check, but its answer does not settle the transaction (below). Call the number below, ask for the status, then press Settle and record the answer. Do not repeat the transaction.</translation>
    </message>
    <message>
        <source>Status belum pasti dan bank ini tidak punya cek status otomatis. Telepon nomor di bawah, tanyakan statusnya, lalu tekan Selesaikan dan catat jawabannya. Jangan ulangi transaksi.</source>
        <translation>Status not certain, and this bank has no automatic status check. Call the number below, ask for the status, then press Settle and record the answer. Do not repeat the transaction.</translation>
    </message>
</context>
<context>
    <name>resolution_dialogs</name>
    <message>
        <source>1. Telepon {contact}: {phone}
2. {ask}
3. {write}</source>
        <translation>1. Call {contact}: {phone}
2. {ask}
3. {write}</translation>
    </message>
</context>
<context>
    <name>resolution_guide</name>
    <message>
        <source>Call center Bank+ (layanan agen)</source>
        <translation>Bank+ call center (agent service)</translation>
    </message>
    <message>
        <source>Call center BNI (layanan agen BNI Keagenan)</source>
        <translation>BNI call center (BNI Keagenan agent service)</translation>
    </message>
    <message>
        <source>Operator Bank+ Switcher (mitra transfer antar bank)</source>
        <translation>Bank+ Switcher operator (interbank transfer partner)</translation>
    </message>
    <message>
        <source>Layanan mitra DOKU (BNI Virtual Account)</source>
        <translation>DOKU partner service (BNI Virtual Account)</translation>
    </message>
    <message>
        <source>Halo BCA (layanan mitra BCA)</source>
        <translation>Halo BCA (BCA partner service)</translation>
    </message>
    <message>
        <source>Call center bank penyelenggara</source>
        <translation>The operating bank&apos;s call center</translation>
    </message>
    <message>
        <source>0000-000-000 (nomor fiktif, latihan sandbox)</source>
        <translation>0000-000-000 (fictitious number, sandbox training)</translation>
    </message>
    <message>
        <source>nomor belum diatur: minta ke kantor mitra, lalu isi di Koneksi Host</source>
        <translation>no number set: ask your partner office, then enter it in Host Connection</translation>
    </message>
    <message>
        <source>Tanyakan apakah Virtual Account untuk pelanggan ini sudah dibuat. Sebutkan nomor referensi, nama pelanggan, nominal dan jamnya.</source>
        <translation>Ask whether the Virtual Account for this customer was created. Give the reference number, the customer&apos;s name, the amount and the time.</translation>
    </message>
    <message>
        <source>Tanyakan apakah transfer ini BERHASIL atau GAGAL. Sebutkan nomor referensi, rekening tujuan, nominal dan jamnya. Bila operator menyebut transfer sudah direversal, catat GAGAL: dananya sudah kembali.</source>
        <translation>Ask whether this transfer SUCCEEDED or FAILED. Give the reference number, the destination account, the amount and the time. If the operator says the transfer was reversed, record FAILED: the money has come back.</translation>
    </message>
    <message>
        <source>Tanyakan apakah transaksi ini BERHASIL atau GAGAL di bank. Sebutkan nomor referensi, rekening/ID pelanggan, nominal dan jam transaksi.</source>
        <translation>Ask whether this transaction SUCCEEDED or FAILED at the bank. Give the reference number, the customer&apos;s account/ID, the amount and the time of the transaction.</translation>
    </message>
    <message>
        <source>Catat nama petugas yang menjawab dan jam telepon. Nomor jurnal host dicatat bila petugas menyebutkannya.</source>
        <translation>Write down the name of the officer who answered and the time of the call. Write down the host journal number if the officer gives one.</translation>
    </message>
</context>
<context>
    <name>result</name>
    <message>
        <source>✓  Transaksi berhasil</source>
        <translation>✓  Transaction successful</translation>
    </message>
    <message>
        <source>Serahkan bukti transaksi kepada nasabah.</source>
        <translation>Hand the transaction receipt to the customer.</translation>
    </message>
    <message>
        <source>✗  Transaksi gagal</source>
        <translation>✗  Transaction failed</translation>
    </message>
    <message>
        <source>Dana tidak berpindah. Periksa data lalu ulangi bila perlu.</source>
        <translation>No money moved. Check the details, then try again if needed.</translation>
    </message>
    <message>
        <source>⚠  Status belum pasti</source>
        <translation>⚠  Status unknown</translation>
    </message>
    <message>
        <source>JANGAN ulangi transaksi dan JANGAN kembalikan uang dulu. Katakan kepada nasabah bahwa statusnya sedang dipastikan ke bank, dan berikan nomor referensi di bawah. Cek statusnya di Beranda, daftar Transaksi Menggantung.</source>
        <translation>Do NOT repeat the transaction and do NOT refund the cash yet. Tell the customer the bank is confirming it, and give them the reference number below. Check its status in the Pending Transactions list on Home.</translation>
    </message>
    <message>
        <source>Dana transfer sudah keluar, lalu dikembalikan bank ke rekening agen ({amount}, dilaporkan {when}). Kembalikan uang tunai nasabah; mutasi rekening agen menunjukkan debit transfer dan kredit pengembaliannya.</source>
        <translation>The transfer&apos;s money left, then the bank returned it to the agent&apos;s account ({amount}, reported {when}). Give the customer&apos;s cash back; the agent&apos;s account statement shows the transfer&apos;s debit and the credit that returned it.</translation>
    </message>
    <message>
        <source>✓  Virtual account dibuat</source>
        <translation>✓  Virtual account created</translation>
    </message>
    <message>
        <source>Belum ada uang diterima di loket: pelanggan membayar ke nomor VA ini lewat ATM, mobile banking atau teller sebelum batas waktunya. Serahkan bukti kepada pelanggan.</source>
        <translation>No money was taken at the counter: the customer pays into this VA number at an ATM, by mobile banking or at a teller before it expires. Give the receipt to the customer.</translation>
    </message>
</context>
<context>
    <name>screens</name>
    <message>
        <source>Saldo Agen</source>
        <translation>Agent Balance</translation>
    </message>
    <message>
        <source>BCA: Saldo</source>
        <translation>BCA: Balance</translation>
    </message>
    <message>
        <source>BCA: Transfer</source>
        <translation>BCA: Transfer</translation>
    </message>
    <message>
        <source>BCA: Antar Bank</source>
        <translation>BCA: Interbank</translation>
    </message>
    <message>
        <source>BCA: Mutasi</source>
        <translation>BCA: Statement</translation>
    </message>
    <message>
        <source>Bayar Tagihan</source>
        <translation>Pay Bills</translation>
    </message>
    <message>
        <source>Tiket dan Donasi</source>
        <translation>Tickets and Donations</translation>
    </message>
    <message>
        <source>Ganti Password</source>
        <translation>Change Password</translation>
    </message>
    <message>
        <source>Cek Rekening</source>
        <translation>Check Account</translation>
    </message>
    <message>
        <source>Cek Saldo Nasabah</source>
        <translation>Customer Balance</translation>
    </message>
    <message>
        <source>Tutup Hari</source>
        <translation>Close Day</translation>
    </message>
    <message>
        <source>Setor Tunai</source>
        <translation>Cash Deposit</translation>
    </message>
    <message>
        <source>Riwayat Transaksi</source>
        <translation>Transaction History</translation>
    </message>
    <message>
        <source>Beranda</source>
        <translation>Home</translation>
    </message>
    <message>
        <source>Koneksi Host</source>
        <translation>Host Connection</translation>
    </message>
    <message>
        <source>Kunci API</source>
        <translation>API Keys</translation>
    </message>
    <message>
        <source>Bahasa</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Buka Rekening</source>
        <translation>Open Account</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Printer</translation>
    </message>
    <message>
        <source>Laporan X</source>
        <translation>X Report</translation>
    </message>
    <message>
        <source>Laporan Harian</source>
        <translation>Daily Reports</translation>
    </message>
    <message>
        <source>Keamanan</source>
        <translation>Security</translation>
    </message>
    <message>
        <source>Buka Shift &amp; Kas</source>
        <translation>Shift &amp; Cash</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>Transfer Switcher</source>
        <translation>Switcher Transfer</translation>
    </message>
    <message>
        <source>Buat Virtual Account</source>
        <translation>Create Virtual Account</translation>
    </message>
    <message>
        <source>Transfer Sesama Bank</source>
        <translation>Same-Bank Transfer</translation>
    </message>
    <message>
        <source>Transfer Antar Bank</source>
        <translation>Interbank Transfer</translation>
    </message>
    <message>
        <source>Biaya Loket</source>
        <translation>Counter Fee</translation>
    </message>
    <message>
        <source>Cadangan Jurnal</source>
        <translation>Journal Backup</translation>
    </message>
    <message>
        <source>Serah Terima Kas</source>
        <translation>Cash Handover</translation>
    </message>
</context>
<context>
    <name>shift</name>
    <message>
        <source>Setor ke bank (kas keluar)</source>
        <translation>Deposit to bank (cash out)</translation>
    </message>
    <message>
        <source>Tambah kas / pay-in (kas masuk)</source>
        <translation>Add cash / pay-in (cash in)</translation>
    </message>
    <message>
        <source>Pengeluaran / pay-out (kas keluar)</source>
        <translation>Expense / pay-out (cash out)</translation>
    </message>
    <message>
        <source>Cash drop ke brankas (kas keluar)</source>
        <translation>Cash drop to safe (cash out)</translation>
    </message>
    <message>
        <source>Koreksi kas (perlu PIN supervisor)</source>
        <translation>Cash correction (needs supervisor PIN)</translation>
    </message>
</context>
<context>
    <name>shift_gate</name>
    <message>
        <source>Shift hari kerja {day} belum dibuka. Melayani nasabah perlu shift yang terbuka: hitung uang di laci, ketik modal awal kas dan tekan Enter, lalu Enter lagi untuk membenarkan angkanya. Sesudah itu {screen} langsung terbuka.</source>
        <translation>The shift of working day {day} is not open yet. Serving customers needs an open shift: count the cash in the drawer, type the opening cash and press Enter, then Enter again to confirm the figure. {screen} then opens by itself.</translation>
    </message>
</context>
<context>
    <name>snap_common</name>
    <message>
        <source>Layanan {host} belum diatur di komputer ini. Minta supervisor mengisi tab {host} di Pengaturan &gt; Koneksi Host (client key, client secret, partner ID dan lainnya dari {host}), membuat kunci di Pengaturan &gt; Kunci API dan mengirim kunci publiknya ke {host}. Setelah itu buka ulang Loket.</source>
        <translation>The {host} service is not set up on this computer. Ask a supervisor to fill in the {host} tab in Settings &gt; Host Connection (client key, client secret, partner ID and the rest from {host}), make a key in Settings &gt; API Keys and send its public key to {host}. Then reopen Loket.</translation>
    </message>
</context>
<context>
    <name>statement</name>
    <message>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Keterangan</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>CR/DB</source>
        <translation>CR/DB</translation>
    </message>
    <message>
        <source>Nominal</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Saldo</source>
        <translation>Balance</translation>
    </message>
</context>
<context>
    <name>supervisor</name>
    <message>
        <source>6–8 angka</source>
        <translation>6–8 digits</translation>
    </message>
    <message>
        <source>Lupa PIN? Pakai kode pemulihan pemilik</source>
        <translation>Forgot the PIN? Use the owner&apos;s recovery code</translation>
    </message>
    <message>
        <source>PIN baru supervisor {name} sudah diatur. Ketik PIN baru itu di atas untuk menyetujui. Kode pemulihan itu sudah terpakai: sesudah ini buat kode baru di Pengaturan &gt; Supervisor.</source>
        <translation>Supervisor {name}&apos;s new PIN is set. Type that new PIN above to approve. The recovery code is now used up: afterwards make a new code in Settings &gt; Supervisor.</translation>
    </message>
</context>
<context>
    <name>supervisor_gate</name>
    <message>
        <source>PERHATIAN: belum ada PIN supervisor. Siapa pun dapat mengubah pengaturan ini. Minta supervisor mengatur PIN-nya sekarang (menu Pengaturan).</source>
        <translation>WARNING: no supervisor PIN yet. Anyone can change these settings. Ask a supervisor to set their PIN now (Settings menu).</translation>
    </message>
    <message>
        <source>Belum ada supervisor. Sebelum tutup hari, minta supervisor (orang lain, bukan petugas loket) mengatur nama dan PIN-nya di Pengaturan &gt; Supervisor.</source>
        <translation>No supervisor yet. Before closing the day, ask the supervisor (someone else, not the counter agent) to set their name and PIN in Settings &gt; Supervisor.</translation>
    </message>
    <message>
        <source>PIN supervisor salah. Pengaturan hanya dapat dibuka dengan PIN supervisor.</source>
        <translation>Wrong supervisor PIN. Settings can only be opened with the supervisor PIN.</translation>
    </message>
</context>
<context>
    <name>suspects</name>
    <message>
        <source>Status transaksi di bawah belum pasti. Jangan ulangi transaksinya dan jangan kembalikan uang nasabah sebelum statusnya pasti.</source>
        <translation>The status of the transactions below is unknown. Do not repeat them and do not refund the customer&apos;s cash until the status is known.</translation>
    </message>
    <message>
        <source>{value} {total} · {value2} · {wib} · No. referensi {reference}</source>
        <translation>{value} {total} · {value2} · {wib} · Reference no. {reference}</translation>
    </message>
    <message>
        <source>reffNum di bank {value}</source>
        <translation>reffNum at the bank {value}</translation>
    </message>
    <message>
        <source>Cetak struknya dan serahkan kepada nasabah.</source>
        <translation>Print its receipt and hand it to the customer.</translation>
    </message>
    <message>
        <source>Kembalikan uang tunai nasabah.</source>
        <translation>Give the customer their cash back.</translation>
    </message>
    <message>
        <source>Tercatat: nominal {amount} · biaya admin {fee} · total {total}</source>
        <translation>On record: amount {amount} · admin fee {fee} · total {total}</translation>
    </message>
    <message>
        <source>{value}
{recorded}
Keputusan ini dicatat atas nama Anda.</source>
        <translation>{value}
{recorded}
This decision is recorded in your name.</translation>
    </message>
</context>
<context>
    <name>switcher</name>
    <message>
        <source>Switcher</source>
        <translation>Switcher</translation>
    </message>
    <message>
        <source>Transfer Switcher belum diatur di komputer ini. Minta supervisor mengisi alamat switcher dan rekening sumber agen di tab Bank+ Switcher, Pengaturan &gt; Koneksi Host, lalu buka ulang Loket.</source>
        <translation>Switcher transfer is not set up on this computer. Ask a supervisor to fill in the switcher address and the agent&apos;s source account in the Bank+ Switcher tab, Settings &gt; Host Connection, then reopen Loket.</translation>
    </message>
</context>
<context>
    <name>training</name>
    <message>
        <source>Untuk latihan: transaksi berikutnya dibuat tidak dijawab bank, ditolak sambungannya, atau tidak sampai ke bank. Hanya di sandbox.</source>
        <translation>For training: the next transaction gets no answer from the bank, has its connection refused, or never reaches the bank. Sandbox only.</translation>
    </message>
    <message>
        <source>Latihan: mati</source>
        <translation>Training: off</translation>
    </message>
    <message>
        <source>Latihan: waktu habis</source>
        <translation>Training: time-out</translation>
    </message>
    <message>
        <source>Latihan: ditolak</source>
        <translation>Training: refused</translation>
    </message>
    <message>
        <source>Latihan: tak sampai</source>
        <translation>Training: lost</translation>
    </message>
</context>
<context>
    <name>transfer_steps</name>
    <message>
        <source>Nomor rekening BCA penerima</source>
        <translation>Recipient&apos;s BCA account number</translation>
    </message>
    <message>
        <source>10 angka, contoh 0611104625</source>
        <translation>10 digits, e.g. 0611104625</translation>
    </message>
    <message>
        <source>Nama pemilik rekening akan tampil dulu sebelum nominal diisi.</source>
        <translation>The account holder&apos;s name is shown before you enter the amount.</translation>
    </message>
    <message>
        <source>Cek nama penerima</source>
        <translation>Check recipient name</translation>
    </message>
    <message>
        <source>{low} sampai {high}, tanpa biaya admin.</source>
        <translation>{low} to {high}, no admin fee.</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <source>Transfer {amount} dari rekening BCA agen ke {name} ({account})?</source>
        <translation>Transfer {amount} from the agent&apos;s BCA account to {name} ({account})?</translation>
    </message>
    <message>
        <source>6 sampai 20 angka</source>
        <translation>6 to 20 digits</translation>
    </message>
    <message>
        <source>Transfer {amount} dari rekening BCA agen ke {name}, {bank} {account}?</source>
        <translation>Transfer {amount} from the agent&apos;s BCA account to {name}, {bank} {account}?</translation>
    </message>
    <message>
        <source>Minimal {low}, maksimal {high}. Tanpa biaya admin.</source>
        <translation>Minimum {low}, maximum {high}. No admin fee.</translation>
    </message>
    <message>
        <source>Kirim transfer</source>
        <translation>Send transfer</translation>
    </message>
    <message>
        <source>Transfer {amount} ke {name}, {bank} {account}. Transfer yang terkirim hanya dapat dibatalkan dengan persetujuan supervisor.</source>
        <translation>Transfer {amount} to {name}, {bank} {account}. A sent transfer can only be reversed with a supervisor&apos;s approval.</translation>
    </message>
    <message>
        <source>Nomor rekening tujuan</source>
        <translation>Destination account number</translation>
    </message>
    <message>
        <source>Nomor rekening penerima</source>
        <translation>Recipient account number</translation>
    </message>
    <message>
        <source>PIN transaksi agen belum dikenal di komputer ini, jadi transfer ini belum bisa dikirim. Lakukan dulu satu transaksi Bank+ (mis. Setor Tunai) dengan PIN transaksi Anda, lalu kembali ke transfer ini.</source>
        <translation>The agent&apos;s transaction PIN is not yet known on this computer, so this transfer cannot be sent yet. First make one Bank+ transaction (e.g. Cash Deposit) with your transaction PIN, then come back to this transfer.</translation>
    </message>
    <message>
        <source>Cek tujuan</source>
        <translation>Check recipient</translation>
    </message>
    <message>
        <source>Minimal {low}, maksimal {high}.</source>
        <translation>Minimum {low}, maximum {high}.</translation>
    </message>
    <message>
        <source>Bayar</source>
        <translation>Pay</translation>
    </message>
    <message>
        <source>Transfer ke {name} ({account}), total {total}.</source>
        <translation>Transfer to {name} ({account}), total {total}.</translation>
    </message>
</context>
<context>
    <name>unsaved</name>
    <message>
        <source>Perubahan di {screen} belum disimpan. Tinggalkan layar ini dan buang perubahannya? Untuk menyimpan: pilih Kembali ke isian, lalu tekan Simpan.</source>
        <translation>The changes in {screen} are not saved. Leave this screen and discard them? To save them: choose Back to the form, then press Save.</translation>
    </message>
</context>
<context>
    <name>virtual_account</name>
    <message>
        <source>Wajib diisi. Pelanggan harus membayar tepat sebesar ini.</source>
        <translation>Required. The customer must pay exactly this amount.</translation>
    </message>
    <message>
        <source>Boleh kosong. Pelanggan boleh membayar berapa pun.</source>
        <translation>Optional. The customer may pay any amount.</translation>
    </message>
    <message>
        <source>Tertutup (nominal tetap)</source>
        <translation>Closed (fixed amount)</translation>
    </message>
    <message>
        <source>Terbuka (nominal bebas)</source>
        <translation>Open (any amount)</translation>
    </message>
    <message>
        <source>Bayar tepat {amount}; nominal lain ditolak.</source>
        <translation>Pay exactly {amount}; other amounts are refused.</translation>
    </message>
    <message>
        <source>Nominal bebas, sesuai kesepakatan.</source>
        <translation>Any amount, as agreed.</translation>
    </message>
    <message>
        <source>ATM BNI</source>
        <translation>BNI ATM</translation>
    </message>
    <message>
        <source>Menu Lain → Transfer → Virtual Account Billing → masukkan {number} → periksa nama dan nominal → Ya.</source>
        <translation>Other Menu → Transfer → Virtual Account Billing → enter {number} → check the name and amount → Yes.</translation>
    </message>
    <message>
        <source>BNI Mobile Banking</source>
        <translation>BNI Mobile Banking</translation>
    </message>
    <message>
        <source>Transfer → Virtual Account Billing → Input Baru → masukkan nomor VA → periksa → masukkan password transaksi.</source>
        <translation>Transfer → Virtual Account Billing → New Input → enter the VA number → check → enter the transaction password.</translation>
    </message>
    <message>
        <source>Teller BNI</source>
        <translation>BNI teller</translation>
    </message>
    <message>
        <source>sebutkan &quot;bayar Virtual Account&quot;, serahkan nomor VA beserta uangnya.</source>
        <translation>say &quot;pay a Virtual Account&quot;, hand over the VA number with the money.</translation>
    </message>
    <message>
        <source>Bank lain</source>
        <translation>Other banks</translation>
    </message>
    <message>
        <source>transfer antarbank ke BNI (kode bank 009), rekening tujuan = nomor VA.</source>
        <translation>interbank transfer to BNI (bank code 009), destination account = the VA number.</translation>
    </message>
    <message>
        <source>&lt;li&gt;&lt;b&gt;{value}&lt;/b&gt;: {value2}&lt;/li&gt;</source>
        <translation>&lt;li&gt;&lt;b&gt;{value}&lt;/b&gt;: {value2}&lt;/li&gt;</translation>
    </message>
    <message>
        <source>&lt;ol style=&apos;margin: 0&apos;&gt;{items}&lt;/ol&gt;&lt;p&gt;&lt;b&gt;{value} Bayar sebelum {value2}.&lt;/b&gt;&lt;/p&gt;</source>
        <translation>&lt;ol style=&apos;margin: 0&apos;&gt;{items}&lt;/ol&gt;&lt;p&gt;&lt;b&gt;{value} Pay before {value2}.&lt;/b&gt;&lt;/p&gt;</translation>
    </message>
</context>
</TS>
