/**
 * Questions about the Filesystem Hierarchy Standard (Debian's debian-policy package ships it)
 * with the section that answers each: a retrieval hit counts when its heading path holds that
 * section. Used by the recall tests and by `npm run bench:docs`.
 */
export const FHS_QUESTIONS: readonly (readonly [question: string, section: string])[] = [
  ['Which directory holds host-specific configuration files?', '3.7. /etc'],
  ['Where should temporary files that are preserved between reboots go?', '5.15. /var/tmp'],
  ['Where are the static files of the boot loader kept?', '3.5. /boot'],
  ['Where are add-on application software packages installed?', '3.13. /opt'],
  ['Where is data for services provided by this system stored?', '3.17. /srv'],
  ['Where does the system administrator install software locally?', '4.9. /usr/local'],
  ['What is the mount point for removable media such as cdroms?', '3.11. /media'],
  ['Where are lock files stored?', '5.9. /var/lock'],
  ['Where are user mailbox files kept?', '5.11. /var/mail'],
  ['Where do log files go?', '5.10. /var/log'],
  ['Where is cached data from applications kept?', '5.5. /var/cache'],
  ['Where are the home directories of users?', '3.8. /home'],
  ['Where are the essential shared libraries and kernel modules?', '3.9. /lib'],
  ['Where do system crash dumps go?', '5.6. /var/crash'],
  ['Where are word lists such as the English words file?', '4.11.5. /usr/share/dict'],
  ['Which directory holds the Network Information Service database files?', '5.16. /var/yp'],
];
