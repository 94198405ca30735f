<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CameraWindow</name>
    <message>
        <location filename="../../pos_client/ui/camera_window.py" line="23"/>
        <source>Camera scanner</source>
        <translation>摄像头扫码</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/camera_window.py" line="27"/>
        <source>Hold the code in front of the camera.</source>
        <translation>请把条码对准摄像头。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/camera_window.py" line="45"/>
        <source>Read: {code}</source>
        <translation>已读取：{code}</translation>
    </message>
</context>
<context>
    <name>CartModel</name>
    <message>
        <location filename="../../pos_client/ui/cart_model.py" line="56"/>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/cart_model.py" line="56"/>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/cart_model.py" line="56"/>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/cart_model.py" line="56"/>
        <source>Discount</source>
        <translation>优惠</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/cart_model.py" line="57"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
</context>
<context>
    <name>CheckoutScreen</name>
    <message>
        <location filename="../../pos_client/ui/checkout_screen.py" line="53"/>
        <source>Scan or type a barcode (or an item&apos;s initials), then Enter</source>
        <translation>扫描或输入条码（或商品拼音首字母），按回车</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/checkout_screen.py" line="54"/>
        <source>Barcode</source>
        <translation>条码</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/checkout_screen.py" line="91"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/checkout_screen.py" line="130"/>
        <source>F1 Help</source>
        <translation>F1 帮助</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/checkout_screen.py" line="131"/>
        <source>F2 Find item</source>
        <translation>F2 查找商品</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/checkout_screen.py" line="136"/>
        <source>F3 Qty</source>
        <translation>F3 数量</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/checkout_screen.py" line="137"/>
        <source>F4 Void line</source>
        <translation>F4 删除行</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/checkout_screen.py" line="138"/>
        <source>F5 Price</source>
        <translation>F5 改价</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/checkout_screen.py" line="139"/>
        <source>F6 Discount</source>
        <translation>F6 折扣</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/checkout_screen.py" line="145"/>
        <source>F7 Hold</source>
        <translation>F7 挂单</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/checkout_screen.py" line="146"/>
        <source>F8 Recall</source>
        <translation>F8 取单</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/checkout_screen.py" line="147"/>
        <source>F11 Void sale</source>
        <translation>F11 整单作废</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/checkout_screen.py" line="148"/>
        <source>F9 Sync</source>
        <translation>F9 同步</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/checkout_screen.py" line="149"/>
        <source>F10 Log out</source>
        <translation>F10 退出登录</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/checkout_screen.py" line="150"/>
        <source>F12 Pay</source>
        <translation>F12 收款</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/checkout_screen.py" line="263"/>
        <source>{name} {weight}</source>
        <translation>{name} {weight}</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/checkout_screen.py" line="265"/>
        <source>{name} (labelled {price})</source>
        <translation>{name}（标签价 {price}）</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/checkout_screen.py" line="268"/>
        <source>{name} × {qty}</source>
        <translation>{name} × {qty}</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/checkout_screen.py" line="275"/>
        <source>{n} item(s)</source>
        <translation>共 {n} 件</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/checkout_screen.py" line="288"/>
        <source>Saving the sale…</source>
        <translation>正在保存交易…</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/checkout_screen.py" line="294"/>
        <source>Paid {total}
Change {change}</source>
        <translation>已收款 {total}
找零 {change}</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/checkout_screen.py" line="297"/>
        <source>Sale {receipt} saved. Receipt is printing.</source>
        <translation>交易 {receipt} 已保存，小票正在打印。</translation>
    </message>
</context>
<context>
    <name>CustomerWindow</name>
    <message>
        <location filename="../../pos_client/ui/customer_window.py" line="23"/>
        <source>Customer display</source>
        <translation>顾客显示屏</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/customer_window.py" line="26"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
</context>
<context>
    <name>DevicesDialog</name>
    <message>
        <location filename="../../pos_client/ui/devices_dialog.py" line="38"/>
        <source>Devices</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/devices_dialog.py" line="42"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/devices_dialog.py" line="42"/>
        <source>URL</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/devices_dialog.py" line="42"/>
        <source>Driver</source>
        <translation>驱动</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/devices_dialog.py" line="43"/>
        <source>Found</source>
        <translation>已找到</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/devices_dialog.py" line="46"/>
        <source>Receipt printer</source>
        <translation>小票打印机</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/devices_dialog.py" line="47"/>
        <source>Scanner</source>
        <translation>扫码枪</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/devices_dialog.py" line="48"/>
        <source>RFID reader</source>
        <translation>RFID 读写器</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/devices_dialog.py" line="49"/>
        <source>Customer display</source>
        <translation>顾客显示屏</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/devices_dialog.py" line="50"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/devices_dialog.py" line="50"/>
        <source>NOT FOUND</source>
        <translation>未找到</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/devices_dialog.py" line="53"/>
        <source>Problem: {problem}</source>
        <translation>问题：{problem}</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/devices_dialog.py" line="58"/>
        <source>Test</source>
        <translation>测试</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/devices_dialog.py" line="62"/>
        <source>A scan or a tag read proves a scanner or a reader.</source>
        <translation>扫一次码或读一次标签，即可验证扫码枪或读写器。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/devices_dialog.py" line="65"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/devices_dialog.py" line="75"/>
        <source>Testing {url}…</source>
        <translation>正在测试 {url}…</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/devices_dialog.py" line="84"/>
        <location filename="../../pos_client/ui/devices_dialog.py" line="96"/>
        <source>The test failed: {error}</source>
        <translation>测试失败：{error}</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/devices_dialog.py" line="86"/>
        <source>Test page sent ({columns} columns, drawer on pin {pin}); the printer said: {status}.</source>
        <translation>测试页已发送（{columns} 列，钱箱针脚 {pin}）；打印机状态：{status}。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/devices_dialog.py" line="91"/>
        <source>Not printed: {detail}</source>
        <translation>未打印：{detail}</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/devices_dialog.py" line="94"/>
        <source>The customer display showed its test pattern.</source>
        <translation>顾客显示屏已显示测试画面。</translation>
    </message>
</context>
<context>
    <name>EnrolDialog</name>
    <message>
        <location filename="../../pos_client/ui/enrol_dialog.py" line="13"/>
        <source>Enrol this till</source>
        <translation>注册本收银台</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/enrol_dialog.py" line="14"/>
        <source>IT makes a one-time code at central with &apos;pos-central enroll --store CODE&apos;. Unsent sales are kept and sent after enrolment.</source>
        <translation>IT 在中心平台用“pos-central enroll --store 门店编码”生成一次性注册码。未上传的交易会保留，注册后上传。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/enrol_dialog.py" line="27"/>
        <source>Enrol</source>
        <translation>注册</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/enrol_dialog.py" line="30"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/enrol_dialog.py" line="33"/>
        <source>Central address</source>
        <translation>中心平台地址</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/enrol_dialog.py" line="34"/>
        <source>One-time code</source>
        <translation>一次性注册码</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/enrol_dialog.py" line="45"/>
        <source>The central address starts with https:// (or http://).</source>
        <translation>中心平台地址应以 https://（或 http://）开头。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/enrol_dialog.py" line="48"/>
        <source>Type the whole one-time code, e.g. ABCD-EFGH-JKLM.</source>
        <translation>请输入完整的一次性注册码，例如 ABCD-EFGH-JKLM。</translation>
    </message>
</context>
<context>
    <name>HeldSalesDialog</name>
    <message>
        <location filename="../../pos_client/ui/held_dialog.py" line="26"/>
        <source>Sales on hold</source>
        <translation>挂起的订单</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/held_dialog.py" line="32"/>
        <source>#{number}  {time}  by {staff}  {total}  ({items} items)</source>
        <translation>#{number}  {time}  收银员 {staff}  {total}（{items} 件）</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/held_dialog.py" line="41"/>
        <source>Up/Down to choose, Enter to bring the sale back, Esc to go back.</source>
        <translation>上下键选择，回车取回订单，Esc 返回。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/held_dialog.py" line="43"/>
        <source>Resume (Enter)</source>
        <translation>取回（回车）</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/held_dialog.py" line="45"/>
        <source>Back (Esc)</source>
        <translation>返回（Esc）</translation>
    </message>
</context>
<context>
    <name>LineDialog</name>
    <message>
        <location filename="../../pos_client/ui/line_dialog.py" line="25"/>
        <source>Scanned by mistake</source>
        <translation>误扫</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/line_dialog.py" line="26"/>
        <source>Customer changed their mind</source>
        <translation>顾客不要了</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/line_dialog.py" line="27"/>
        <source>Damaged or faulty</source>
        <translation>破损或故障</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/line_dialog.py" line="28"/>
        <source>Past its date</source>
        <translation>已过期</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/line_dialog.py" line="29"/>
        <source>Shelf price differs</source>
        <translation>与货架价不符</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/line_dialog.py" line="30"/>
        <source>Price match</source>
        <translation>比价调价</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/line_dialog.py" line="31"/>
        <source>Regular customer</source>
        <translation>老顾客</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/line_dialog.py" line="32"/>
        <source>Making up for poor service</source>
        <translation>服务补偿</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/line_dialog.py" line="33"/>
        <source>Customer left without paying</source>
        <translation>顾客未付款离开</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/line_dialog.py" line="34"/>
        <source>Customer could not pay</source>
        <translation>顾客无法付款</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/line_dialog.py" line="35"/>
        <source>Training or test sale</source>
        <translation>培训或测试</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/line_dialog.py" line="38"/>
        <source>Change quantity</source>
        <translation>修改数量</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/line_dialog.py" line="39"/>
        <source>Void this line</source>
        <translation>删除此行</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/line_dialog.py" line="40"/>
        <source>Change the price</source>
        <translation>修改价格</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/line_dialog.py" line="41"/>
        <source>Discount this line</source>
        <translation>此行打折</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/line_dialog.py" line="42"/>
        <source>Void the whole sale</source>
        <translation>整单作废</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/line_dialog.py" line="66"/>
        <source>New quantity</source>
        <translation>新数量</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/line_dialog.py" line="69"/>
        <source>New price (per unit, or per kg)</source>
        <translation>新价格（每件或每千克）</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/line_dialog.py" line="71"/>
        <source>Discount (amount off this line)</source>
        <translation>折扣（本行减免金额）</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/line_dialog.py" line="77"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/line_dialog.py" line="89"/>
        <source>Supervisor number</source>
        <translation>主管工号</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/line_dialog.py" line="90"/>
        <source>Supervisor PIN</source>
        <translation>主管密码</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/line_dialog.py" line="98"/>
        <source>Confirm (Enter)</source>
        <translation>确认（回车）</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/line_dialog.py" line="101"/>
        <source>Back (Esc)</source>
        <translation>返回（Esc）</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/line_dialog.py" line="159"/>
        <source>Above {cap}% off, a supervisor or manager must approve.</source>
        <translation>优惠超过 {cap}% 需主管或店长授权。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/line_dialog.py" line="162"/>
        <source>A supervisor must approve this: their staff number and PIN.</source>
        <translation>此操作需主管授权：请输入主管工号和密码。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/line_dialog.py" line="168"/>
        <source>Enter a number, like 2 or 12.50.</source>
        <translation>请输入数字，如 2 或 12.50。</translation>
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <location filename="../../pos_client/ui/login_screen.py" line="31"/>
        <source>Enter your staff number and PIN</source>
        <translation>请输入工号和密码</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/login_screen.py" line="36"/>
        <location filename="../../pos_client/ui/login_screen.py" line="53"/>
        <source>Staff number</source>
        <translation>工号</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/login_screen.py" line="41"/>
        <location filename="../../pos_client/ui/login_screen.py" line="54"/>
        <source>PIN</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/login_screen.py" line="45"/>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="52"/>
        <source>Add the scanned or typed barcode; in payment, confirm the cash</source>
        <translation>添加扫描或输入的条码；收款时确认现金</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="54"/>
        <source>Pay</source>
        <translation>收款</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="55"/>
        <source>Choose the cart line F3-F6 act on</source>
        <translation>选择 F3-F6 要操作的商品行</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="56"/>
        <source>Change the chosen line&apos;s quantity (lowering it needs a supervisor)</source>
        <translation>修改所选行数量（减少需主管授权）</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="58"/>
        <source>Void the chosen line (supervisor, with a reason)</source>
        <translation>删除所选行（需主管授权并填写原因）</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="59"/>
        <source>Change the chosen line&apos;s price (supervisor, with a reason)</source>
        <translation>修改所选行价格（需主管授权并填写原因）</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="60"/>
        <source>Discount the chosen line (supervisor, capped per role)</source>
        <translation>所选行打折（需主管授权，按角色限额）</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="61"/>
        <source>Put the sale on hold and start another</source>
        <translation>挂起本单，开始新单</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="62"/>
        <source>Bring back a sale on hold (onto an empty sale)</source>
        <translation>取回挂起的订单（当前须为空单）</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="63"/>
        <source>Void the whole sale (supervisor, with a reason)</source>
        <translation>整单作废（需主管授权并填写原因）</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="64"/>
        <source>Reprint the last receipt, marked as a copy</source>
        <translation>重印上一张小票（标注为重印）</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="65"/>
        <source>Devices: what is configured and found, with a test button</source>
        <translation>设备：已配置和已找到的设备，每项可测试</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="66"/>
        <source>Find an item by name, pinyin or initials; Up/Down to choose, Enter to add</source>
        <translation>按名称、拼音或首字母查找商品；上下键选择，回车加入</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="68"/>
        <source>Show this help</source>
        <translation>显示本帮助</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="69"/>
        <source>Sync panel: what waits, what needs attention, sync now</source>
        <translation>同步面板：待上传、需处理的事项，立即同步</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="70"/>
        <source>Log out (when the sale is empty)</source>
        <translation>退出登录（当前交易为空时）</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="71"/>
        <source>Clear the barcode field; in payment, back to the sale</source>
        <translation>清空条码框；收款时返回交易</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="101"/>
        <source>{store} — till {till}</source>
        <translation>{store} — 收银台 {till}</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="103"/>
        <source>{store} · {code} · Till {till}</source>
        <translation>{store} · {code} · 收银台 {till}</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="158"/>
        <source>Pay for the sale in progress before logging out.</source>
        <translation>请先完成当前交易的收款，再退出登录。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="189"/>
        <source>Sale held as #{number} ({total}). F8 brings it back.</source>
        <translation>已挂单 #{number}（{total}）。按 F8 取回。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="197"/>
        <source>Finish or hold (F7) the sale in progress first.</source>
        <translation>请先完成或挂起（F7）当前订单。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="201"/>
        <source>No sale is on hold at this till.</source>
        <translation>本收银台没有挂起的订单。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="213"/>
        <source>Held sale is back: carry on scanning or pay.</source>
        <translation>已取回挂单：可继续扫描或收款。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="221"/>
        <source>The sale is empty: there is nothing to void.</source>
        <translation>本单为空，无需作废。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="234"/>
        <source>{items} item(s), {total}</source>
        <translation>{items} 件，{total}</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="245"/>
        <source>Sale voided. Nothing was charged.</source>
        <translation>本单已作废，未收取任何款项。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="252"/>
        <source>No receipt to reprint since this till started.</source>
        <translation>本机启动后尚无可重印的小票。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="257"/>
        <source>Reprinting {receipt} as a copy.</source>
        <translation>正在重印 {receipt}（重印联）。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="266"/>
        <source>The sale is empty: scan an item first.</source>
        <translation>本单为空：请先扫描商品。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="293"/>
        <source>{name} voided.</source>
        <translation>已删除 {name}。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="295"/>
        <source>{name}: now {amount}.</source>
        <translation>{name}：现为 {amount}。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="361"/>
        <source>The sale could not be saved ({error}). Nothing was charged and the cart is kept: try F12 again, and call IT if it keeps failing.</source>
        <translation>交易未能保存（{error}）。未收取任何款项，购物车已保留：请再按 F12 重试，如仍失败请联系 IT。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="371"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="407"/>
        <source>central revoked this till: it keeps selling, but sends nothing until it is enrolled again (F9)</source>
        <translation>中心平台已停用本收银台：仍可继续销售，但重新注册前不会上传任何数据（F9）</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="410"/>
        <source>this till was out of touch with central so long that its token expired: it keeps selling; enrol it again (F9)</source>
        <translation>本机与总部失联太久，令牌已过期：仍可继续销售；请重新注册本机（F9）</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="413"/>
        <source>central no longer accepts this till&apos;s token: enrol it again (F9)</source>
        <translation>中心平台不再接受本收银台的令牌：请重新注册（F9）</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="414"/>
        <source>central needs a newer version of this app: ask IT to update it</source>
        <translation>中心平台需要更新版本的收银软件：请联系 IT 升级</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="490"/>
        <source>enrolment failed: {error}</source>
        <translation>注册失败：{error}</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="510"/>
        <source>Tag {epc} was already sold on receipt {receipt}; it is not added. Put the item aside and call a supervisor.</source>
        <translation>标签 {epc} 已在小票 {receipt} 售出，未加入。请把该商品放到一边并呼叫主管。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="514"/>
        <source>A tag with GTIN {gtin} is no product of this store; scan that item&apos;s barcode.</source>
        <translation>GTIN 为 {gtin} 的标签不是本店商品，请扫描该商品的条码。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="522"/>
        <source>The RFID reader is not connected ({detail}). It is used again as soon as it is back.</source>
        <translation>RFID 读写器未连接（{detail}）。重新连接后即可继续使用。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="548"/>
        <source>The scanner is not connected ({detail}). Scans will work again as soon as it is plugged in.</source>
        <translation>扫码枪未连接（{detail}）。插上后即可继续扫码。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="551"/>
        <source>The scanner sent something unreadable; please scan again.</source>
        <translation>扫码枪发来无法识别的内容，请重新扫码。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="557"/>
        <source>The printer reports: {what}. Fix it before the next receipt; receipts wait until it is fixed.</source>
        <translation>打印机报告：{what}。请在下一张小票前处理；处理好之前小票会排队等待。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="561"/>
        <source>The receipt did not print ({detail}). It is kept and will print when the printer is fixed.</source>
        <translation>小票未能打印（{detail}）。小票已保留，打印机恢复后将自动打印。</translation>
    </message>
</context>
<context>
    <name>MatchModel</name>
    <message>
        <location filename="../../pos_client/ui/search_dialog.py" line="51"/>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/search_dialog.py" line="51"/>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/search_dialog.py" line="51"/>
        <source>In stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/search_dialog.py" line="62"/>
        <source>no price</source>
        <translation>未定价</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message numerus="yes">
        <location filename="../../pos_client/ui/messages.py" line="32"/>
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n 分钟</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/messages.py" line="37"/>
        <source>The weight or price on label {code} cannot be right. Weigh the item and print a new label.</source>
        <translation>标签 {code} 上的重量或价格不正确。请重新称重并打印新标签。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/messages.py" line="43"/>
        <source>This code carries no product number. Scan the product&apos;s own barcode.</source>
        <translation>此码不含商品编号。请扫描商品本身的条码。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/messages.py" line="46"/>
        <source>Barcode {code} failed its check digit: it was misread or mistyped. Scan it again or type the digits under the bars.</source>
        <translation>条码 {code} 校验位错误：可能扫描不完整或输入有误。请重新扫描，或输入条码下方的数字。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/messages.py" line="51"/>
        <source>&quot;{code}&quot; is not a product code. Scan the item&apos;s barcode or type its digits.</source>
        <translation>“{code}”不是商品编码。请扫描商品条码或输入条码数字。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/messages.py" line="58"/>
        <source>A weighed or labelled item has no quantity to change. Void the line and scan another label.</source>
        <translation>称重或标签商品不能改数量。请删除此行并扫描新标签。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/messages.py" line="62"/>
        <source>A discount must be between 0 and the line&apos;s {amount}.</source>
        <translation>折扣须在 0 到本行金额 {amount} 之间。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/messages.py" line="66"/>
        <source>A price cannot be below zero.</source>
        <translation>价格不能小于零。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/messages.py" line="68"/>
        <source>A line can hold at most {limit} units. Start a second sale for more.</source>
        <translation>每行最多 {limit} 件。更多数量请另开一笔交易。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/messages.py" line="71"/>
        <source>This sale already has {limit} lines. Pay for it and start another.</source>
        <translation>本笔交易已有 {limit} 行。请先收款，再开始新交易。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/messages.py" line="82"/>
        <source>No product with code {code} at this store. Check the code, or put the item aside and call a supervisor.</source>
        <translation>本店没有编码为 {code} 的商品。请核对编码，或将商品放在一旁并联系主管。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/messages.py" line="89"/>
        <source>{cut}% off is more than your role may give. A supervisor or manager must enter their number and PIN.</source>
        <translation>优惠 {cut}% 超出您的权限。需主管或店长输入工号和密码。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/messages.py" line="93"/>
        <source>This needs a supervisor: they enter their staff number and PIN here.</source>
        <translation>此操作需主管授权：请主管在此输入工号和密码。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/messages.py" line="96"/>
        <source>Finish or hold (F7) the sale in progress first.</source>
        <translation>请先完成或挂起（F7）当前订单。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/messages.py" line="98"/>
        <source>Choose a reason first.</source>
        <translation>请先选择原因。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/messages.py" line="100"/>
        <source>{name} is sold by weight. Weigh it at the scale and scan the label it prints.</source>
        <translation>{name} 按重量销售。请在电子秤上称重，再扫描打印出的标签。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/messages.py" line="104"/>
        <source>{name} expired on {date}: it was not added. Take it off the sale and tell a supervisor.</source>
        <translation>{name} 已于 {date} 过期，未加入。请将其移出本单并告知主管。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/messages.py" line="109"/>
        <source>{name} has no price at this store yet, so it cannot be sold. Call a supervisor.</source>
        <translation>{name} 在本店尚无售价，暂不能销售。请联系主管。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/messages.py" line="114"/>
        <source>The sale is empty. Scan an item before paying.</source>
        <translation>当前交易为空。请先扫描商品再收款。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/messages.py" line="116"/>
        <source>{tendered} is less than the {due} due. Enter the cash received.</source>
        <translation>{tendered} 少于应收的 {due}。请输入实收现金。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/messages.py" line="121"/>
        <source>Too many wrong PINs. Login is locked for {time}; a supervisor can help.</source>
        <translation>密码错误次数过多，登录已锁定 {time}；可请主管协助。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/messages.py" line="125"/>
        <source>Staff number or PIN is wrong. {left} attempt(s) left before login locks.</source>
        <translation>工号或密码错误。再错 {left} 次将锁定登录。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/messages.py" line="129"/>
        <source>This till has no staff list yet. Connect it to the network and sync, or ask IT to enrol it.</source>
        <translation>本收银台还没有员工名单。请连接网络并同步，或联系 IT 注册本机。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/messages.py" line="133"/>
        <source>Something went wrong: {detail}. The sale in progress is kept; try again or call IT.</source>
        <translation>出现错误：{detail}。当前交易已保留；请重试或联系 IT。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/messages.py" line="142"/>
        <source>out of paper</source>
        <translation>缺纸</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/messages.py" line="144"/>
        <source>cover open</source>
        <translation>纸仓盖未关</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/messages.py" line="146"/>
        <source>offline</source>
        <translation>脱机</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/messages.py" line="148"/>
        <source>not reachable</source>
        <translation>无法连接</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/messages.py" line="150"/>
        <source>paper running low</source>
        <translation>纸将用完</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/messages.py" line="151"/>
        <source>fault</source>
        <translation>故障</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <location filename="../../pos_client/ui/payment_dialog.py" line="26"/>
        <source>Payment</source>
        <translation>收款</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/payment_dialog.py" line="32"/>
        <source>Amount due</source>
        <translation>应收金额</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/payment_dialog.py" line="39"/>
        <location filename="../../pos_client/ui/payment_dialog.py" line="40"/>
        <source>Cash received</source>
        <translation>实收现金</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/payment_dialog.py" line="53"/>
        <source>Exact</source>
        <translation>刚好</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/payment_dialog.py" line="70"/>
        <source>Delete last digit</source>
        <translation>删除最后一位</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/payment_dialog.py" line="74"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/payment_dialog.py" line="80"/>
        <source>Confirm cash (Enter)</source>
        <translation>确认收款（回车）</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/payment_dialog.py" line="83"/>
        <source>Back to sale (Esc)</source>
        <translation>返回交易（Esc）</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/payment_dialog.py" line="124"/>
        <source>Not an amount</source>
        <translation>不是有效金额</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/payment_dialog.py" line="129"/>
        <source>Still due: {amount}</source>
        <translation>还差：{amount}</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/payment_dialog.py" line="132"/>
        <source>Change: {amount}</source>
        <translation>找零：{amount}</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/payment_dialog.py" line="140"/>
        <source>&quot;{text}&quot; is not an amount of cash. Type the cash received, e.g. 100 or 52.50.</source>
        <translation>“{text}”不是有效的现金金额。请输入实收现金，例如 100 或 52.50。</translation>
    </message>
</context>
<context>
    <name>ProductSearchDialog</name>
    <message>
        <location filename="../../pos_client/ui/search_dialog.py" line="77"/>
        <source>Find an item</source>
        <translation>查找商品</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/search_dialog.py" line="84"/>
        <source>Name, pinyin or initials (e.g. kkkl for 可口可乐)</source>
        <translation>名称、拼音或首字母（如 kkkl 查可口可乐）</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/search_dialog.py" line="85"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/search_dialog.py" line="108"/>
        <source>Add (Enter)</source>
        <translation>加入（回车）</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/search_dialog.py" line="111"/>
        <source>Back (Esc)</source>
        <translation>返回（Esc）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos_client/ui/search_dialog.py" line="161"/>
        <source>%n match(es): Up/Down to choose, Enter to add</source>
        <translation>
            <numerusform>找到 %n 个：上下键选择，回车加入</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/search_dialog.py" line="164"/>
        <source>Nothing matches &quot;{text}&quot;. Try fewer letters, or the item&apos;s barcode.</source>
        <translation>没有与“{text}”匹配的商品。请少输几个字母，或扫描商品条码。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/search_dialog.py" line="167"/>
        <source>Type part of the name, its pinyin or its initials.</source>
        <translation>请输入商品名称的一部分、拼音或首字母。</translation>
    </message>
</context>
<context>
    <name>SyncPanel</name>
    <message>
        <location filename="../../pos_client/ui/sync_panel.py" line="39"/>
        <source>Sync with central</source>
        <translation>与中心平台同步</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/sync_panel.py" line="57"/>
        <source>Connection</source>
        <translation>连接状态</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/sync_panel.py" line="58"/>
        <source>Waiting to send</source>
        <translation>待上传</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/sync_panel.py" line="59"/>
        <source>Last successful sync</source>
        <translation>上次成功同步</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/sync_panel.py" line="60"/>
        <source>Offline limits</source>
        <translation>离线限制</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/sync_panel.py" line="65"/>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/sync_panel.py" line="65"/>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/sync_panel.py" line="65"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/sync_panel.py" line="65"/>
        <source>Central&apos;s reason</source>
        <translation>中心平台的原因</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/sync_panel.py" line="71"/>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/sync_panel.py" line="74"/>
        <source>Enrol this till again…</source>
        <translation>重新注册本收银台…</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/sync_panel.py" line="77"/>
        <source>A manager or IT can enrol the till again.</source>
        <translation>店长或 IT 可以重新注册本收银台。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/sync_panel.py" line="79"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/sync_panel.py" line="99"/>
        <source>Online: central answered the last sync.</source>
        <translation>在线：中心平台已响应上次同步。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/sync_panel.py" line="101"/>
        <source>Not yet known: the first sync is running.</source>
        <translation>尚未确定：首次同步正在进行。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/sync_panel.py" line="103"/>
        <source>Offline: {detail}. Sales go on and are sent later.</source>
        <translation>离线：{detail}。可继续销售，稍后上传。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/sync_panel.py" line="104"/>
        <source>central did not answer</source>
        <translation>中心平台没有响应</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/sync_panel.py" line="105"/>
        <source>{n} event(s), oldest {age} old</source>
        <translation>{n} 条事件，最早的已等待 {age}</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/sync_panel.py" line="107"/>
        <source>nothing: every event has reached central</source>
        <translation>无：所有事件均已到达中心平台</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/sync_panel.py" line="110"/>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/sync_panel.py" line="113"/>
        <source>Only cash is taken: the till has not synced for {hours} h or more. Card and wallet tenders unlock after the next successful sync.</source>
        <translation>仅收现金：本收银台已 {hours} 小时或更久未同步。下次同步成功后，银行卡和钱包支付将解锁。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/sync_panel.py" line="116"/>
        <source>Card and wallet tenders lock after {hours} h without a sync ({left} left). Cash is always taken.</source>
        <translation>超过 {hours} 小时未同步，银行卡和钱包支付将锁定（剩余 {left}）。现金始终可收。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/sync_panel.py" line="123"/>
        <source>This till&apos;s clock is {m} min ahead of central. Ask IT to set the time.</source>
        <translation>本收银台时钟比中心平台快 {m} 分钟。请联系 IT 校准时间。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/sync_panel.py" line="125"/>
        <source>This till&apos;s clock is {m} min behind central. Ask IT to set the time.</source>
        <translation>本收银台时钟比中心平台慢 {m} 分钟。请联系 IT 校准时间。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/sync_panel.py" line="131"/>
        <source>Needs attention: {n} event(s) central could not accept. They are kept here; a manager should report them to central support.</source>
        <translation>需处理：{n} 条事件未被中心平台接受。它们保留在此处；请店长报告给中心平台支持人员。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/sync_panel.py" line="133"/>
        <source>Needs attention: nothing.</source>
        <translation>需处理：无。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/sync_panel.py" line="149"/>
        <source>Loading {what} from central: {done} of {total}</source>
        <translation>正在从中心平台加载 {what}：{done} / {total}</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <location filename="../../pos_client/ui/top_bar.py" line="48"/>
        <source>Staff: {name}</source>
        <translation>收银员：{name}</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/top_bar.py" line="52"/>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/top_bar.py" line="54"/>
        <source>● Online</source>
        <translation>● 在线</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/top_bar.py" line="56"/>
        <source>● Offline</source>
        <translation>● 离线</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/top_bar.py" line="66"/>
        <source>Loading {what} {pct}%</source>
        <translation>正在加载 {what} {pct}%</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/top_bar.py" line="71"/>
        <source>● Sync stopped</source>
        <translation>● 同步已停止</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/top_bar.py" line="79"/>
        <source>All sent</source>
        <translation>已全部上传</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/top_bar.py" line="83"/>
        <source>Unsent: {n} (oldest {m} min)</source>
        <translation>待上传：{n}（最早 {m} 分钟前）</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/top_bar.py" line="92"/>
        <source>Printer: paper running low</source>
        <translation>打印机：纸将用完</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/top_bar.py" line="94"/>
        <source>Printer OK</source>
        <translation>打印机正常</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/top_bar.py" line="98"/>
        <source>Printer: {what}</source>
        <translation>打印机：{what}</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/top_bar.py" line="101"/>
        <source>Printer fault: {n} waiting</source>
        <translation>打印机故障：{n} 张待打印</translation>
    </message>
</context>
</TS>
